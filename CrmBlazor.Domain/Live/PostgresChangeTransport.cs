using System.Threading.Channels;
using CrmBlazor.Domain.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmBlazor.Domain.Live;

/// <summary>
/// Carries the change feed between app instances through PostgreSQL's LISTEN / NOTIFY, so several instances on one
/// database need no other server. Publishing never waits for the database: changes are queued and sent in bursts.
/// The listener keeps one connection open; when it breaks (database restart, network) it reconnects with backoff
/// and then announces <see cref="Topics.Resync"/>, so every open page reloads what it shows: anything sent while
/// the connection was down is not missed silently.
/// </summary>
public sealed class PostgresChangeTransport : BackgroundService, IChangeTransport
{
    public const string Channel = "crm_changes";
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    private readonly string _connectionString;
    private readonly ILogger<PostgresChangeTransport> _logger;
    private readonly Channel<Change> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<Change>(new() { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PostgresChangeTransport(DatabaseOptions options, ILogger<PostgresChangeTransport> logger)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { KeepAlive = 15, Enlist = false }.ToString();
        _logger = logger;
    }

    public Guid InstanceId { get; } = Guid.NewGuid();

    public event Func<Change, Task>? Received;

    /// <summary>Completes once the first LISTEN is in place (tests and readiness wait for it).</summary>
    public Task Listening => _listening.Task;

    public Task SendAsync(Change change)
    {
        _outgoing.Writer.TryWrite(change);
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendLoopAsync(stoppingToken));

    private async Task SendLoopAsync(CancellationToken ct)
    {
        var burst = new List<Change>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                while (_outgoing.Reader.TryRead(out var change)) burst.Add(change);
                await SendBurstAsync(burst, ct);
                burst.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendBurstAsync(List<Change> burst, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                foreach (var payload in ChangeMessage.Pack(InstanceId, burst))
                {
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", payload);
                    await notify.ExecuteNonQueryAsync(ct);
                }
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && attempt < Backoff.Length)
            {
                _logger.LogWarning("Could not send {Count} changes to the other instances ({Reason}); trying again", burst.Count, e.Message);
                await Task.Delay(Backoff[attempt], ct);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The other instances reload everything when their own listener reconnects; these changes are dropped.
                _logger.LogError("Dropped {Count} changes for the other instances: {Reason}", burst.Count, e.Message);
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var failures = 0;
        var connectedBefore = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                failures = 0;
                _listening.TrySetResult();
                if (connectedBefore)
                {
                    _logger.LogInformation("Change listener reconnected; open pages reload");
                    await RaiseAsync(new Change(Topics.Resync, null));
                }
                connectedBefore = true;
                while (true) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var wait = Backoff[Math.Min(failures++, Backoff.Length - 1)];
                _logger.LogWarning("Change listener lost its connection ({Reason}); reconnecting in {Wait}", e.Message, wait);
                try { await Task.Delay(wait, ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private void OnNotification(string payload)
    {
        foreach (var change in ChangeMessage.Unpack(InstanceId, payload))
            _ = RaiseAsync(change);
    }

    private async Task RaiseAsync(Change change)
    {
        if (Received is { } received) await received(change);
    }
}
