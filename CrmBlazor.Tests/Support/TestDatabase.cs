using CrmBlazor.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test, on SQLite (a file) or PostgreSQL (a database on the
/// throw-away server that scripts/test.sh starts). Migrations run once per provider into a template;
/// each test gets a copy, which takes milliseconds.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CRM_TEST_POSTGRES";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "crmblazor-tests");
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _sqliteTemplate;
    private static bool _postgresTemplateReady;
    private const string PostgresTemplate = "crm_template";

    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, DatabaseOptions options, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        Options = options;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
        Factory = new CrmDbContextFactory(options, Folder);
    }

    public DatabaseProvider Provider { get; }
    public DatabaseOptions Options { get; }
    public CrmDbContextFactory Factory { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? await CreateSqliteAsync() : await CreatePostgresAsync();

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        Directory.CreateDirectory(Folder);
        await TemplateGate.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var template = Path.Combine(Folder, $"template-{Guid.NewGuid():N}.db");
                var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={template}" };
                await using (var db = new CrmDbContextFactory(options, Folder).CreateDbContext())
                {
                    await db.Database.MigrateAsync();
                    // EF creates SQLite files in WAL mode; fold the log back so one file holds everything.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=DELETE;");
                }
                SqliteConnection.ClearAllPools();
                _sqliteTemplate = template;
            }
        }
        finally
        {
            TemplateGate.Release();
        }
        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(_sqliteTemplate, file);
        return new TestDatabase(DatabaseProvider.Sqlite,
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" }, file, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer();
        await TemplateGate.WaitAsync();
        try
        {
            if (!_postgresTemplateReady)
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE)");
                await ExecuteAsync(server, $"CREATE DATABASE {PostgresTemplate}");
                var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = WithDatabase(server, PostgresTemplate) };
                await using (var db = new CrmDbContextFactory(options, Folder).CreateDbContext())
                {
                    await db.Database.MigrateAsync();
                }
                NpgsqlConnection.ClearAllPools();
                _postgresTemplateReady = true;
            }
        }
        finally
        {
            TemplateGate.Release();
        }
        var name = $"crm_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}");
        return new TestDatabase(DatabaseProvider.Postgres,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = WithDatabase(server, name) }, null, name);
    }

    /// <summary>A PostgreSQL database with no tables at all, as a new install starts.</summary>
    public static async Task<TestDatabase> CreateEmptyPostgresAsync()
    {
        var server = PostgresServer();
        var name = $"crm_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new TestDatabase(DatabaseProvider.Postgres,
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = WithDatabase(server, name) }, null, name);
    }

    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts a throw-away PostgreSQL server.");

    private static string WithDatabase(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(WithDatabase(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                try { File.Delete(_sqliteFile + suffix); } catch (IOException) { }
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(PostgresServer(), $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
