using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Live;

/// <summary>Instances of one install may start at the same moment on a new or an older database.</summary>
public class ConcurrentMigrationTests
{
    [Fact]
    public async Task Three_instances_starting_together_on_a_new_PostgreSQL_database_migrate_it_once_and_all_start()
    {
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        var factories = Enumerable.Range(0, 3).Select(_ => new CrmDbContextFactory(database.Options, Path.GetTempPath())).ToList();

        await Task.WhenAll(factories.Select(f => Task.Run(() => DatabaseMigrator.MigrateAsync(f))));

        await using var db = factories[0].CreateDbContext();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Clients.CountAsync());
    }
}
