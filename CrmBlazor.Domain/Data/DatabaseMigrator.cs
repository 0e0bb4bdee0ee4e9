using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Domain.Data;

/// <summary>Applies the provider's migration set at start; never EnsureCreated outside tests.</summary>
public static class DatabaseMigrator
{
    /// <summary>Any fixed number: the instances of one install agree on it and nothing else in the database uses advisory locks.</summary>
    private const long PostgresMigrationLock = 0x43524D_4D494752; // "CRM" "MIGR"

    public static async Task MigrateAsync(CrmDbContextFactory factory, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        if (db.IsPostgres)
        {
            await MigrateUnderLockAsync(db, ct);
            return;
        }
        await db.Database.MigrateAsync(ct);
        // WAL lets the many open pages read while one of them writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Two instances started at the same moment take turns: the second waits on a session advisory lock held on its
    /// own connection, then finds nothing left to apply.
    /// </summary>
    private static async Task MigrateUnderLockAsync(CrmDbContext db, CancellationToken ct)
    {
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresMigrationLock})", gate))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresMigrationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
