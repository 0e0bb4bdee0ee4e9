using CrmBlazor.Domain.Live;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Wakes the background sender when mail has been queued, so it goes out now rather than at the next poll.
/// Call it after the commit that queued the mail (see <see cref="Outbox.Enqueue"/>); before the commit the
/// sender would not find it yet.
/// </summary>
public sealed class OutboxSignal(ChangeFeed feed)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Wakes the sender and tells open Mail pages about the queued messages.</summary>
    public async Task QueuedAsync(IEnumerable<OutboxMessage> queued)
    {
        Notify();
        foreach (var message in queued) await feed.PublishAsync(new Change(Topics.Mail, message.Id, null, message.ClientId));
    }

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of new messages.
        }
    }

    /// <summary>Returns when signalled or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct) => await _wake.WaitAsync(timeout, ct);
}
