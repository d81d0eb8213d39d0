using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using PixOrga.Benchmark.Data;

namespace PixOrga.Benchmark.Driver;

/// <summary>
/// Reads the invitation mails the silo writes as .eml files when it has no SMTP server (its
/// outbox folder), and deletes each one read so the folder stays small. Invitation ids start with
/// the school's UAI, which is how a mail is matched to its school.
/// </summary>
public sealed partial class OutboxInvitationInbox : IInvitationInbox, IAsyncDisposable
{
    private readonly string directory;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvitationLink>> waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task scanning;

    public OutboxInvitationInbox(string directory)
    {
        this.directory = directory;
        scanning = Task.Run(ScanAsync);
    }

    public async Task<InvitationLink> ReceiveAsync(GeneratedSchool school, CancellationToken cancellationToken) =>
        await Slot(school.Uai).Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await scanning;
        }
        catch (OperationCanceledException)
        {
            // Stopping is how the scan ends.
        }

        stop.Dispose();
    }

    /// <summary>The join link of a complete .eml file, or null while the file is still being written.</summary>
    public static InvitationLink? Parse(string eml)
    {
        var boundary = BoundaryPattern().Match(eml);
        if (!boundary.Success || !eml.Contains("--" + boundary.Groups[1].Value + "--", StringComparison.Ordinal))
        {
            return null;
        }

        // An 8-bit body carries the link as is; only a quoted-printable one needs decoding.
        var match = LinkPattern().Match(eml);
        if (!match.Success)
        {
            match = LinkPattern().Match(DecodeQuotedPrintable(eml));
        }

        return match.Success
            ? new InvitationLink(Uri.UnescapeDataString(match.Groups["id"].Value), Uri.UnescapeDataString(match.Groups["code"].Value))
            : null;
    }

    private TaskCompletionSource<InvitationLink> Slot(string uai) =>
        waiting.GetOrAdd(uai, _ => new TaskCompletionSource<InvitationLink>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ScanAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.eml"))
            {
                // A file this young may still be being written.
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < TimeSpan.FromMilliseconds(200))
                {
                    continue;
                }

                InvitationLink? link;
                try
                {
                    link = Parse(await File.ReadAllTextAsync(path, Encoding.UTF8, stop.Token));
                }
                catch (IOException)
                {
                    // The silo is still writing it: read it at the next scan.
                    continue;
                }

                if (link is null)
                {
                    continue;
                }

                File.Delete(path);
                var uai = link.InvitationId.Split('-', 2)[0];
                Slot(uai).TrySetResult(link);
            }
        }
    }

    // Mail bodies are quoted-printable: soft line breaks and =XX escapes would cut the link.
    private static string DecodeQuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
        return HexEscapePattern().Replace(joined, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());
    }

    [GeneratedRegex("boundary=\"?([^\";\\r\\n]+)\"?")]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"/rejoindre\?invitationId=(?<id>[^&\s<>""]+)&code=(?<code>[A-Za-z0-9_%-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex HexEscapePattern();
}
