using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using PixOrga.Benchmark.Data;

namespace PixOrga.Benchmark.Driver;

/// <summary>
/// Reads the invitation mails the silo writes as .eml files when it has no SMTP server (its
/// outbox folder), and deletes each one read so the folder stays small. Invitation ids start with
/// the school's UAI, which is how a mail is matched to its school. The silo renames a mail into
/// place once written, so a mail is read as soon as the folder watcher reports it; a slower scan
/// catches what the watcher may drop when its buffer overflows.
/// </summary>
public sealed partial class OutboxInvitationInbox : IInvitationInbox, IAsyncDisposable
{
    private static readonly TimeSpan ScanPeriod = TimeSpan.FromMilliseconds(250);

    private readonly string directory;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvitationLink>> waiting = new(StringComparer.Ordinal);
    private readonly Channel<string> arrived = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly FileSystemWatcher watcher;
    private readonly Task reading;
    private readonly Task scanning;

    public OutboxInvitationInbox(string directory)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
        watcher = new FileSystemWatcher(directory, "*.eml") { NotifyFilter = NotifyFilters.FileName };
        watcher.Created += (_, e) => arrived.Writer.TryWrite(e.FullPath);
        watcher.Renamed += (_, e) => arrived.Writer.TryWrite(e.FullPath);
        watcher.EnableRaisingEvents = true;
        reading = Task.Run(ReadAsync);
        scanning = Task.Run(ScanAsync);
    }

    public async Task<InvitationLink> ReceiveAsync(GeneratedSchool school, CancellationToken cancellationToken) =>
        await Slot(school.Uai).Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        watcher.Dispose();
        arrived.Writer.TryComplete();
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(reading, scanning);
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

    private async Task ReadAsync()
    {
        await foreach (var path in arrived.Reader.ReadAllAsync(stop.Token))
        {
            await TryDeliverAsync(path);
        }
    }

    private async Task ScanAsync()
    {
        using var timer = new PeriodicTimer(ScanPeriod);
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*.eml"))
            {
                await TryDeliverAsync(path);
            }
        }
    }

    /// <summary>Reads, delivers and deletes one mail; the watcher and the scan may both see it, the first one wins.</summary>
    private async Task TryDeliverAsync(string path)
    {
        InvitationLink? link;
        try
        {
            link = Parse(await File.ReadAllTextAsync(path, Encoding.UTF8, stop.Token));
        }
        catch (IOException)
        {
            // Already read and deleted by the other path (FileNotFoundException is an IOException).
            return;
        }

        if (link is null)
        {
            return;
        }

        File.Delete(path);
        var uai = link.InvitationId.Split('-', 2)[0];
        Slot(uai).TrySetResult(link);
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
