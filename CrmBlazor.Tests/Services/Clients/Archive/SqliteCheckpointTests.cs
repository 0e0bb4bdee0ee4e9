using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Clients.Archive;

/// <summary>
/// Part of the ARC-1 speed target: a bulk archive's commit only appends to SQLite's log, and the background
/// checkpointer copies it into the database file afterwards.
/// </summary>
public class SqliteCheckpointTests
{
    [Fact]
    public async Task ARC_1_a_bulk_archive_leaves_its_log_to_the_background_checkpointer_which_copies_it_all()
    {
        await using var host = await DomainHost.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = host.Db()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await host.BulkCompaniesAsync(3_000);
        var checkpointer = host.Get<SqliteCheckpointer>();
        Assert.Equal(0, await checkpointer.CheckpointAsync());
        long[] ids;
        await using (var db = host.Db()) ids = await db.Clients.Select(c => c.Id).ToArrayAsync();

        await host.Get<ClientArchiveService>().ArchiveAsync(ids);

        // Every connection leaves the copying to the checkpointer up to a high cap, instead of SQLite's 1,000 pages.
        Assert.Equal(SqliteConnectionSettings.AutoCheckpointPages, await AutoCheckpointAsync(host));
        Assert.True(await LogFramesAsync(host) > 0);
        Assert.Equal(0, await checkpointer.CheckpointAsync());
        await using (var db = host.Db())
            Assert.Equal(3_000, await db.Clients.CountAsync(c => c.Status == ClientStatus.Archived));
    }

    private static async Task<long> AutoCheckpointAsync(DomainHost host)
    {
        await using var db = host.Db();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(); // through EF, so the connection interceptors run
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Pages in the log file right now (a checkpoint copies them without shrinking the file).</summary>
    private static async Task<long> LogFramesAsync(DomainHost host)
    {
        await using var db = host.Db();
        var file = db.Database.GetDbConnection().DataSource;
        return new FileInfo(file + "-wal").Length / 4096;
    }
}
