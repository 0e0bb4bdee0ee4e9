using System.Diagnostics;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Tests.Performance;

/// <summary>A seeded benchmark database; <see cref="Options"/> is null when the provider is not available.</summary>
public abstract class BenchDatabase : IAsyncLifetime
{
    public DatabaseOptions? Options { get; protected set; }
    public abstract DatabaseProvider Provider { get; }
    public string SeedLog { get; protected set; } = string.Empty;

    public abstract Task InitializeAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    protected static string LastMigration(DatabaseOptions options)
    {
        using var db = new CrmDbContextFactory(options, Path.GetTempPath()).CreateDbContext();
        return db.Database.GetMigrations().Last();
    }
}

/// <summary>
/// One SQLite file under /tmp/crmblazor-bench, keyed by the seed version and the newest migration, so
/// reruns reuse it and a schema change reseeds. Seeded into a temporary file that is renamed when complete.
/// </summary>
public sealed class SqliteBenchDatabase : BenchDatabase
{
    public static readonly string Folder = Path.Combine(Path.GetTempPath(), "crmblazor-bench");
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var probe = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" };
        var file = Path.Combine(Folder, $"clients-v{BenchSeed.Version}-{LastMigration(probe)}.db");
        if (!File.Exists(file))
        {
            var temp = $"{file}.{Guid.NewGuid():N}.tmp";
            var watch = Stopwatch.StartNew();
            await SeedAsync(temp);
            File.Move(temp, file, overwrite: true);
            SeedLog = $"seeded {file} in {watch.Elapsed.TotalSeconds:F1} s";
        }
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
    }

    private static async Task SeedAsync(string file)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
        await using (var db = new CrmDbContextFactory(options, Folder).CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await ExecuteAsync(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
            await using (var tx = connection.BeginTransaction())
            {
                var columns = BenchSeed.ClientColumns(db);
                await InsertAsync(connection, tx, "Clients", columns.Select(c => c.Name).ToList(),
                    BenchSeed.Clients().Select(r => columns.Select(c => c.Value(r.Id, r.Client)).ToArray()));
                await InsertAsync(connection, tx, "ContactLinks", ["CompanyId", "PersonId", "Position", "IsPrimary"],
                    BenchSeed.Links().Select(l => new object?[] { l.CompanyId, l.PersonId, l.Position, l.IsPrimary }));
                await tx.CommitAsync();
            }
            await ExecuteAsync(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        }
        SqliteConnection.ClearAllPools();
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction tx, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                             $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The same data on the PostgreSQL server of scripts/bench.sh (CRM_TEST_POSTGRES), loaded with COPY.
/// The server is thrown away after each run, so it is seeded every run.
/// </summary>
public sealed class PostgresBenchDatabase : BenchDatabase
{
    private const string Name = "crm_bench";
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is not { Length: > 0 } server) return;
        var watch = Stopwatch.StartNew();
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ToString(),
        };
        var key = $"bench v{BenchSeed.Version} {LastMigration(options)}";
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var probe = new NpgsqlCommand($"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{Name}'", admin);
            if (await probe.ExecuteScalarAsync() as string == key)
            {
                Options = options; // a server kept between runs by hand: the data is already there
                return;
            }
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
            await ExecuteAsync(admin, $"CREATE DATABASE {Name}");
        }
        await using (var db = new CrmDbContextFactory(options, Path.GetTempPath()).CreateDbContext())
        {
            await db.Database.MigrateAsync();
            var columns = BenchSeed.ClientColumns(db);
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(Copy("Clients", columns.Select(c => c.Name))))
            {
                foreach (var (id, client) in BenchSeed.Clients())
                {
                    await copy.StartRowAsync();
                    foreach (var c in columns) await copy.WriteAsync(c.Value(id, client), BaseType(c.StoreType));
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync(Copy("ContactLinks", ["CompanyId", "PersonId", "Position", "IsPrimary"])))
            {
                foreach (var link in BenchSeed.Links())
                {
                    await copy.WriteRowAsync(default, link.CompanyId, link.PersonId, link.Position, link.IsPrimary);
                }
                await copy.CompleteAsync();
            }
            await ExecuteAsync(connection, """
                SELECT setval(pg_get_serial_sequence('"Clients"', 'Id'), (SELECT max("Id") FROM "Clients"));
                SELECT setval(pg_get_serial_sequence('"ContactLinks"', 'Id'), (SELECT max("Id") FROM "ContactLinks"));
                """);
            await VacuumAsync(connection);
            await ExecuteAsync(connection, $"COMMENT ON DATABASE {Name} IS '{key}'");
        }
        Options = options;
        SeedLog = $"seeded PostgreSQL {Name} in {watch.Elapsed.TotalSeconds:F1} s";
    }

    /// <summary>
    /// VACUUM ANALYZE, repeated until every page of Clients is marked all-visible (a concurrent autovacuum can
    /// hold that back): counts then read the index alone, as they would on a settled production table.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlConnection connection)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await ExecuteAsync(connection, "VACUUM (ANALYZE)");
            await using var check = new NpgsqlCommand("SELECT relallvisible >= relpages FROM pg_class WHERE relname = 'Clients'", connection);
            if (await check.ExecuteScalarAsync() is true) return;
            await Task.Delay(1000);
        }
    }

    private static string Copy(string table, IEnumerable<string> columns) =>
        $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>"character varying(200)" → "character varying": the name Npgsql writes by.</summary>
    private static string BaseType(string storeType) => storeType.Split('(')[0].Trim();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
