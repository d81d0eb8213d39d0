using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PixOrga.Silo.Database;

/// <summary>Runs the PostgreSQL command-line programs, as the postgres user when we are root.</summary>
internal static class PostgresCommand
{
    public const string ServerUser = "postgres";

    // initdb and the server refuse to run as root, so as root every server program is run through
    // runuser as the postgres account that Debian's package creates.
    public static bool RunningAsRoot { get; } = OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static async Task<CommandResult> RunAsync(
        string program, IReadOnlyList<string> arguments, bool asServerUser, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user may not be allowed into the caller's current directory.
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        if (asServerUser && RunningAsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var argument in new[] { "-u", ServerUser, "--", program })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = program;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(process.ExitCode, await output + await error);
    }

    public static async Task<CommandResult> RunCheckedAsync(
        string program, IReadOnlyList<string> arguments, bool asServerUser, string? workingDirectory, CancellationToken cancellationToken)
    {
        var result = await RunAsync(program, arguments, asServerUser, workingDirectory, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.Output.Trim()}");
        }

        return result;
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    internal sealed record CommandResult(int ExitCode, string Output);
}
