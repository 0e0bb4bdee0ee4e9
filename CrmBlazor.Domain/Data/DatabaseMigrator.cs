using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Domain.Data;

/// <summary>Applies the provider's migration set at start; never EnsureCreated outside tests.</summary>
public static class DatabaseMigrator
{
    /// <summary>Any fixed number: the instances of one install agree on it and nothing else in the database uses advisory locks.</summary>
    private const long PostgresStartupLock = 0x43524D_4D494752; // "CRM" "MIGR"

    public static Task MigrateAsync(CrmDbContextFactory factory, CancellationToken ct = default) =>
        RunExclusiveAsync(factory, () => ApplyMigrationsAsync(factory, ct), ct);

    /// <summary>Migrations only, for a caller that already runs inside <see cref="RunExclusiveAsync"/>.</summary>
    public static async Task ApplyMigrationsAsync(CrmDbContextFactory factory, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.MigrateAsync(ct);
        // WAL lets the many open pages read while one of them writes.
        if (!db.IsPostgres) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>
    /// Runs what an instance does once at start (migrations, roles, the first users) while no other instance of the
    /// same PostgreSQL database does: two instances started at the same moment take turns on a session advisory lock
    /// held on a connection of its own, and the second finds everything done. SQLite serves one instance.
    /// </summary>
    public static async Task RunExclusiveAsync(CrmDbContextFactory factory, Func<Task> work, CancellationToken ct = default)
    {
        if (factory.Provider != DatabaseProvider.Postgres)
        {
            await work();
            return;
        }
        string connectionString;
        await using (var db = factory.CreateDbContext()) connectionString = db.Database.GetConnectionString()!;
        await using var gate = new NpgsqlConnection(connectionString);
        await gate.OpenAsync(ct);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresStartupLock})", gate))
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresStartupLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
