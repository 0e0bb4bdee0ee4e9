using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Operations;

/// <summary>Issue 13: a consistent copy of the embedded database while the app writes, and the documented restore.</summary>
public class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_clients_are_being_saved_is_intact_holds_every_client_saved_before_it_and_restores_as_the_readme_says()
    {
        await using var host = await DomainHost.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = host.Db()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the app runs it
        var clients = host.Get<ClientService>();
        var saved = new List<long>();
        for (var i = 0; i < 30; i++) saved.Add(await clients.CreateAsync(ClientBuilder.Company($"Before {i:000} SL")));

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = await clients.CreateAsync(ClientBuilder.Company($"During {i:0000} SL"));
                lock (saved) saved.Add(id);
            }
        });
        await WaitUntilAsync(() => { lock (saved) return saved.Count >= 40; });
        List<long> savedBefore;
        lock (saved) savedBefore = [.. saved];
        var backup = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"backup-{Guid.NewGuid():N}.db");
        try
        {
            await SqliteBackup.CopyToAsync(host.Database.Factory, backup);
            var countAtBackup = saved.Count;
            await WaitUntilAsync(() => { lock (saved) return saved.Count >= countAtBackup + 10; });
            await stop.CancelAsync();
            await writer;

            await using (var copy = new SqliteConnection($"Data Source={backup};Pooling=False"))
            {
                await copy.OpenAsync();
                Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check;"));
                Assert.Equal("delete", await ScalarAsync(copy, "PRAGMA journal_mode;"));
            }
            Assert.False(File.Exists(backup + "-wal"));

            // Restore: the app stopped, the file replaced, its -wal and -shm deleted, the app started (migrations at start).
            var live = new SqliteConnectionStringBuilder(host.Database.Options.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            File.Copy(backup, live, overwrite: true);
            foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(live + suffix);
            var restored = new CrmDbContextFactory(host.Database.Options, Path.GetTempPath());
            await DatabaseMigrator.MigrateAsync(restored);
            await using var db2 = restored.CreateDbContext();
            var ids = await db2.Clients.Select(c => c.Id).ToListAsync();
            Assert.Empty(savedBefore.Except(ids));
            Assert.True(ids.Count < saved.Count, "the clients saved after the backup are not in it");
        }
        finally
        {
            await stop.CancelAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(backup);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_backup_command_writes_an_intact_copy_of_sqlite_and_says_to_use_pg_dump_on_postgresql(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var backup = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"backup-{Guid.NewGuid():N}", "crm.db");
        try
        {
            var run = await AppProcess.RunAsync(AppProcess.On(database), null, "backup", "--to", backup);

            Assert.DoesNotContain("Now listening", run.Output);
            if (provider == DatabaseProvider.Postgres)
            {
                Assert.True(run.ExitCode != 0, run.ToString());
                Assert.Contains("pg_dump", run.Output);
                Assert.False(File.Exists(backup));
                return;
            }
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"{backup} written", run.Output);
            await using var copy = new SqliteConnection($"Data Source={backup};Pooling=False");
            await copy.OpenAsync();
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check;"));
        }
        finally
        {
            if (Directory.Exists(Path.GetDirectoryName(backup))) Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }
}
