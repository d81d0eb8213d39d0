using Npgsql;

namespace PixOrga.Tests.Database;

/// <summary>Runs a stored Orleans query the way the provider does: its text as is, bare parameter names, no transaction.</summary>
internal static class MembershipQueries
{
    public static async Task<List<object?[]>> RowsAsync(string connectionString, string queryKey, params (string Name, object? Value)[] parameters)
    {
        var text = await SqlHelper.ScalarAsync<string>(connectionString, "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", queryKey))
            ?? throw new InvalidOperationException($"No query {queryKey}.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task<bool> InsertSiloAsync(string connectionString, string deploymentId, int port, int version)
    {
        var now = DateTime.UtcNow;
        var rows = await RowsAsync(
            connectionString,
            "InsertMembershipKey",
            ("DeploymentId", deploymentId), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1),
            ("SiloName", "silo-" + port), ("HostName", "host"), ("Status", 2), ("ProxyPort", port + 1),
            ("Version", version), ("StartTime", now), ("IAmAliveTime", now));
        return (bool)Assert.Single(rows)[0]!;
    }

    public static async Task<bool> UpdateSiloAsync(string connectionString, string deploymentId, int port, int status, int version)
    {
        var rows = await RowsAsync(
            connectionString,
            "UpdateMembershipKey",
            ("DeploymentId", deploymentId), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1),
            ("Status", status), ("SuspectTimes", null), ("IAmAliveTime", DateTime.UtcNow), ("Version", version));
        return (bool)Assert.Single(rows)[0]!;
    }
}
