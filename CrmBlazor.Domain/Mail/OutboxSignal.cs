using CrmBlazor.Domain.Live;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Wakes the background sender when mail has been queued, so it goes out now rather than at the next poll.
/// A commit that queued mail signals it by itself (<see cref="OutboxWakeUp"/>); code that writes the outbox
/// behind EF's back calls <see cref="QueuedAsync"/> after its commit (before it, the sender would not find the mail).
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

    /// <summary>Returns true when signalled, false once <paramref name="timeout"/> has passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
