using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Runs the <see cref="OutboxSender"/> in the background: batch after batch while mail is due, then
/// sleeps until the next message falls due, the poll interval passes, or <see cref="OutboxSignal"/> says
/// mail was queued. The poll also picks up mail queued by another app instance.
/// On shutdown it claims nothing more, lets the message in flight finish and gives the rest of its batch back
/// (queued again, no lease), so another instance or the next start sends them at once.
/// </summary>
public sealed class OutboxWorker(OutboxSender sender, OutboxSignal signal, MailOptions options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.PollInterval;
            try
            {
                while (await sender.SendDueAsync(stoppingToken) > 0) { }
                if (await sender.NextDueAsync(stoppingToken) is { } next)
                {
                    var until = next - clock.GetUtcNow().UtcDateTime;
                    // Not less than a moment: a message another instance is claiming right now must not spin this loop.
                    if (until < wait) wait = until < MinimumWait ? MinimumWait : until;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the outbox is still there at the next round.
                logger.LogError(ex, "The outbox sender failed; trying again in {Wait}", options.PollInterval);
            }
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
