using CrmBlazor.Domain.Live;

namespace CrmBlazor.Tests.Domain.Live;

/// <summary>Delivery rules of the change feed itself, without a database (DIR-8).</summary>
public class ChangeFeedTests
{
    private static readonly Change Sample = new(Topics.Client, 7, "office-1", 7);

    [Fact]
    public async Task DIR_8_a_throwing_subscriber_does_not_stop_delivery_to_the_ones_after_it()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        var received = new List<string>();
        using var a = feed.Subscribe(_ => { received.Add("a"); return Task.CompletedTask; });
        using var b = feed.Subscribe(_ => throw new InvalidOperationException("page gone"));
        using var c = feed.Subscribe(async _ => { await Task.Yield(); throw new TimeoutException(); });
        using var d = feed.Subscribe(_ => { received.Add("d"); return Task.CompletedTask; });

        await feed.PublishAsync(Sample);

        Assert.Equal(["a", "d"], received);
    }

    [Fact]
    public async Task DIR_8_a_disposed_subscription_receives_nothing_more_and_the_others_still_do()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        var (first, second) = (new List<Change>(), new List<Change>());
        var subscription = feed.Subscribe(ch => { first.Add(ch); return Task.CompletedTask; });
        using var other = feed.Subscribe(ch => { second.Add(ch); return Task.CompletedTask; });

        await feed.PublishAsync(Sample);
        subscription.Dispose();
        subscription.Dispose();
        await feed.PublishAsync(Sample with { Id = 8 });

        Assert.Equal([Sample], first);
        Assert.Equal([7L, 8L], second.Select(ch => ch.Id!.Value));
        Assert.Equal(1, feed.SubscriberCount);
    }

    [Fact]
    public async Task DIR_8_a_subscriber_may_unsubscribe_itself_during_delivery()
    {
        var feed = new ChangeFeed(new InProcessChangeTransport());
        var calls = 0;
        IDisposable? self = null;
        self = feed.Subscribe(_ => { calls++; self!.Dispose(); return Task.CompletedTask; });

        await feed.PublishAsync(Sample);
        await feed.PublishAsync(Sample);

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task DIR_8_changes_go_out_through_the_transport_and_changes_from_other_instances_reach_local_pages()
    {
        var transport = new RecordingTransport();
        var feed = new ChangeFeed(transport);
        var received = new List<Change>();
        using var page = feed.Subscribe(ch => { received.Add(ch); return Task.CompletedTask; });

        await feed.PublishAsync(Sample);
        var remote = new Change(Topics.History, 99, "sales-1", 7);
        await transport.ReceiveAsync(remote);

        Assert.Equal([Sample], transport.Sent);
        Assert.Equal([Sample, remote], received);
    }

    private sealed class RecordingTransport : IChangeTransport
    {
        public List<Change> Sent { get; } = [];

        public event Func<Change, Task>? Received;

        public Task SendAsync(Change change)
        {
            Sent.Add(change);
            return Task.CompletedTask;
        }

        public Task ReceiveAsync(Change change) => Received?.Invoke(change) ?? Task.CompletedTask;
    }
}
