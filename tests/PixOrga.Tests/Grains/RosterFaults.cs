using PixOrga.Tests.Database;

namespace PixOrga.Tests.Grains;

/// <summary>
/// Faults injected into the last statement of a school's roster command (the head's save), that
/// is after the history row and the pupils were written in the same transaction: either the
/// statement fails, or the server drops the connection under it.
/// </summary>
internal static class RosterFaults
{
    public const string Fail = "fail";
    public const string Disconnect = "disconnect";

    public static Task InstallAsync(string connectionString) => SqlHelper.ExecuteAsync(
        connectionString,
        """
        CREATE TABLE IF NOT EXISTS test_roster_faults (school_uai text PRIMARY KEY, kind text NOT NULL);
        CREATE OR REPLACE FUNCTION test_roster_fault() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            fault text;
        BEGIN
            SELECT kind INTO fault FROM test_roster_faults WHERE school_uai = NEW.school_uai;
            IF fault = 'fail' THEN
                RAISE EXCEPTION 'injected fault';
            ELSIF fault = 'disconnect' THEN
                PERFORM pg_terminate_backend(pg_backend_pid());
                PERFORM pg_sleep(5);
            END IF;
            RETURN NEW;
        END;
        $$;
        CREATE OR REPLACE TRIGGER test_roster_fault BEFORE INSERT OR UPDATE ON school_rosters
            FOR EACH ROW EXECUTE FUNCTION test_roster_fault();
        """);

    public static Task ArmAsync(string connectionString, string uai, string kind) => SqlHelper.ExecuteAsync(
        connectionString,
        "INSERT INTO test_roster_faults (school_uai, kind) VALUES (@u, @k) ON CONFLICT (school_uai) DO UPDATE SET kind = excluded.kind",
        ("u", uai), ("k", kind));

    public static Task DisarmAsync(string connectionString, string uai) =>
        SqlHelper.ExecuteAsync(connectionString, "DELETE FROM test_roster_faults WHERE school_uai = @u", ("u", uai));
}
