using System.Collections.Concurrent;
using CrmBlazor.Domain.Live;

namespace CrmBlazor.Tests.Support;

/// <summary>Listens to the change feed like an open page; an optional probe runs inside the delivery.</summary>
public sealed class FeedRecorder : IDisposable
{
    private readonly ConcurrentQueue<Change> _changes = new();
    private readonly IDisposable _subscription;

    public FeedRecorder(ChangeFeed feed, Func<Change, Task>? probe = null) =>
        _subscription = feed.Subscribe(async change =>
        {
            _changes.Enqueue(change);
            if (probe is not null) await probe(change);
        });

    public IReadOnlyList<Change> Changes => _changes.ToArray();

    public void Dispose() => _subscription.Dispose();
}
