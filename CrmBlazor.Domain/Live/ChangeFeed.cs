namespace CrmBlazor.Domain.Live;

/// <summary>
/// The one change feed every page listens to (DIR-8). Services publish after their transaction
/// commits; subscribers are called in turn and a failing one never stops the others.
/// An <see cref="IChangeTransport"/> carries changes to and from other instances.
/// </summary>
public sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private readonly IChangeTransport _transport;
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public ChangeFeed(IChangeTransport transport)
    {
        _transport = transport;
        _transport.Received += DeliverLocallyAsync;
    }

    public IDisposable Subscribe(Func<Change, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Add(handler);
        return new Subscription(this, handler);
    }

    public int SubscriberCount => _subscribers.Items.Length;

    public async Task PublishAsync(Change change)
    {
        await DeliverLocallyAsync(change);
        await _transport.SendAsync(change);
    }

    private async Task DeliverLocallyAsync(Change change)
    {
        foreach (var handler in _subscribers.Items)
        {
            try
            {
                await handler(change);
            }
            catch (Exception)
            {
                // A page that went away mid-delivery must not break delivery to the others.
            }
        }
    }

    private void Unsubscribe(Func<Change, Task> handler)
    {
        lock (_gate) _subscribers = _subscribers.Remove(handler);
    }

    private sealed class Subscription(ChangeFeed feed, Func<Change, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }

    /// <summary>Copy-on-write array so publishing never holds the lock.</summary>
    private sealed record ImmutableSubscribers(Func<Change, Task>[] Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Func<Change, Task> h) => new([.. Items, h]);
        public ImmutableSubscribers Remove(Func<Change, Task> h) => new(Items.Where(x => x != h).ToArray());
    }
}
