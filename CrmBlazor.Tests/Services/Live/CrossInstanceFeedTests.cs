using System.Collections.Concurrent;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmBlazor.Tests.Services.Live;

/// <summary>
/// Two app instances on one PostgreSQL database share one change feed through LISTEN / NOTIFY (DIR-8 across
/// instances): each instance here is a feed with its own transport, as each app process has.
/// </summary>
public class CrossInstanceFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task DIR_8_a_change_published_on_one_instance_reaches_the_other_once_and_is_not_echoed_back()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await Instance.StartAsync(database.Options);
        await using var b = await Instance.StartAsync(database.Options);

        var change = new Change(Topics.Client, 42, "office-1", 42);
        await a.Feed.PublishAsync(change);

        await b.WaitForAsync(1);
        await a.Feed.PublishAsync(change with { Id = 43 });
        await b.WaitForAsync(2);
        Assert.Equal([change, change with { Id = 43 }], b.Received);
        // A delivered both locally while publishing, and never again when its own notifications came back.
        await Task.Delay(300);
        Assert.Equal([change, change with { Id = 43 }], a.Received);
    }

    [Fact]
    public async Task DIR_8_a_burst_larger_than_one_notification_arrives_whole_and_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await Instance.StartAsync(database.Options);
        await using var b = await Instance.StartAsync(database.Options);

        var burst = Enumerable.Range(1, 600).Select(i => new Change(Topics.Document, i, "office-1", i % 7, $"user-{i}")).ToList();
        foreach (var change in burst) await a.Feed.PublishAsync(change);

        await b.WaitForAsync(burst.Count);
        Assert.Equal(burst, b.Received);
    }

    [Fact]
    public async Task DIR_8_when_the_listener_loses_its_connection_it_reconnects_and_tells_every_page_to_reload()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var a = await Instance.StartAsync(database.Options);
        await using var b = await Instance.StartAsync(database.Options);

        // What a database restart does to the listening session: the server ends it.
        await using (var admin = new NpgsqlConnection(database.Options.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await b.WaitForAsync(1);
        Assert.Equal(Topics.Resync, b.Received[0].Topic);
        var after = new Change(Topics.Matter, 5, "office-1");
        await a.Feed.PublishAsync(after);
        await b.WaitForAsync(2, c => c == after);
    }

    [Fact]
    public void DIR_8_a_message_from_this_instance_or_a_malformed_one_is_ignored()
    {
        var me = Guid.NewGuid();
        var payload = Assert.Single(ChangeMessage.Pack(me, [new Change(Topics.Client, 1)]));

        Assert.Empty(ChangeMessage.Unpack(me, payload));
        Assert.Equal([new Change(Topics.Client, 1)], ChangeMessage.Unpack(Guid.NewGuid(), payload));
        Assert.Empty(ChangeMessage.Unpack(Guid.NewGuid(), "{not json"));
    }

    private sealed class Instance : IAsyncDisposable
    {
        private readonly PostgresChangeTransport _transport;
        private readonly ConcurrentQueue<Change> _received = new();
        private readonly IDisposable _subscription;

        private Instance(DatabaseOptions options)
        {
            _transport = new PostgresChangeTransport(options, NullLogger<PostgresChangeTransport>.Instance);
            Feed = new ChangeFeed(_transport);
            _subscription = Feed.Subscribe(change => { _received.Enqueue(change); return Task.CompletedTask; });
        }

        public ChangeFeed Feed { get; }
        public IReadOnlyList<Change> Received => [.. _received];

        public static async Task<Instance> StartAsync(DatabaseOptions options)
        {
            var instance = new Instance(options);
            await instance._transport.StartAsync(CancellationToken.None);
            await instance._transport.Listening.WaitAsync(Patience);
            return instance;
        }

        public async Task WaitForAsync(int count, Func<Change, bool>? last = null)
        {
            var until = DateTime.UtcNow + Patience;
            while (_received.Count < count || (last is not null && !last(Received[^1])))
            {
                if (DateTime.UtcNow > until) Assert.Fail($"Received {_received.Count} of {count} changes: {string.Join(", ", Received)}");
                await Task.Delay(20);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _subscription.Dispose();
            await _transport.StopAsync(CancellationToken.None);
            _transport.Dispose();
        }
    }
}
