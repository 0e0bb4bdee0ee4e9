using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// Creates a context of the configured provider. One context per unit of work: Blazor circuits live
/// for hours, and a context kept in one would serve stale data and grow without end.
/// </summary>
public sealed class CrmDbContextFactory : IDbContextFactory<CrmDbContext>
{
    private readonly DatabaseProvider _provider;
    private readonly DbContextOptions<SqliteCrmDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresCrmDbContext>? _postgres;

    public CrmDbContextFactory(DatabaseOptions options, string contentRoot, params IInterceptor[] interceptors)
    {
        _provider = options.Provider;
        if (_provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteCrmDbContext>()
                .UseSqlite(AbsoluteSqlite(options.ConnectionString, contentRoot));
            if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
            _sqlite = builder.Options;
        }
        else
        {
            var builder = new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql(options.ConnectionString);
            if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
            _postgres = builder.Options;
        }
    }

    public DatabaseProvider Provider => _provider;

    public CrmDbContext CreateDbContext() => _provider == DatabaseProvider.Sqlite
        ? new SqliteCrmDbContext(_sqlite!)
        : new PostgresCrmDbContext(_postgres!);

    /// <summary>A relative SQLite file would land in whatever folder the process started in: anchor it.</summary>
    public static string AbsoluteSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        csb.Pooling = true;
        return csb.ToString();
    }
}
