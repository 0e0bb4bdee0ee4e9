using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Data;

/// <summary>Applies the provider's migration set at start; never EnsureCreated outside tests.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(CrmDbContextFactory factory, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets the many open pages read while one of them writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
