using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every second, off the request path, so that a
/// commit only appends to the log (see <see cref="SqliteConnectionSettings"/>). A passive checkpoint never blocks
/// readers or writers; whatever a long reader still needs is copied at a later round. Does nothing on PostgreSQL.
/// </summary>
public sealed class SqliteCheckpointer(CrmDbContextFactory dbs, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>One passive checkpoint; returns the frames left in the log that are not in the database file yet.</summary>
    public async Task<int> CheckpointAsync(CancellationToken ct = default)
    {
        await using var db = dbs.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return 0;
        var logFrames = reader.GetInt32(1);
        var copied = reader.GetInt32(2);
        return logFrames < 0 ? 0 : logFrames - copied; // -1 when the database is not in WAL mode
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (dbs.Provider != DatabaseProvider.Sqlite) return;
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "SQLite checkpoint failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
