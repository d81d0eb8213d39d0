using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PixOrga.Grains.Mail;

namespace PixOrga.Tests.Grains;

/// <summary>
/// The grain cluster's mailer: it writes mails to the .eml outbox as the default run does, but a
/// test may hold the mails to one address until it lets them go, which keeps the sending grain
/// inside its call for as long as the test needs. The holds are static because the silos run in
/// this process with a service container each.
/// </summary>
public sealed class HeldMailer(IOptions<MailOptions> options, ILogger<OutboxMailer> logger) : IMailer
{
    private static readonly ConcurrentDictionary<string, MailHold> Holds = new(StringComparer.OrdinalIgnoreCase);

    private readonly OutboxMailer outbox = new(options, logger);

    public static MailHold Hold(string to) => Holds[to] = new MailHold(to);

    public async Task SendAsync(MailMessageContent message, CancellationToken cancellationToken = default)
    {
        if (Holds.TryGetValue(message.To, out var hold))
        {
            hold.Reached.TrySetResult();
            await hold.Released.Task.WaitAsync(cancellationToken);
        }

        await outbox.SendAsync(message, cancellationToken);
    }

    /// <summary>Mails to one address wait from <see cref="Hold"/> until <see cref="Release"/> or disposal.</summary>
    public sealed class MailHold(string to) : IDisposable
    {
        internal TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes once a mail to the address is waiting.</summary>
        public Task Sending => Reached.Task;

        public void Release()
        {
            Holds.TryRemove(to, out _);
            Released.TrySetResult();
        }

        public void Dispose() => Release();
    }
}
