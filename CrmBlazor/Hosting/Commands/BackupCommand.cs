using CrmBlazor.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Hosting.Commands;

/// <summary><c>CrmBlazor backup --to /path/file.db</c>: a consistent copy of the SQLite database, even while the app runs.</summary>
public static class BackupCommand
{
    public const string Name = "backup";

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, TextWriter output)
    {
        var dbs = services.GetRequiredService<CrmDbContextFactory>();
        if (dbs.Provider != DatabaseProvider.Sqlite)
        {
            output.WriteLine($"{Name}: the database is PostgreSQL; back it up with pg_dump (see the README, Backups); nothing was written");
            return 1;
        }
        var target = command.Required("to", "/var/backups/crm-$(date +%F).db");
        await using (var db = dbs.CreateDbContext())
        {
            // Opening a missing file would create an empty database and back that up.
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!File.Exists(file)) throw new CommandException($"{Name}: the database file {file} does not exist (Database:ConnectionString); nothing was written");
        }
        var bytes = await SqliteBackup.CopyToAsync(dbs, target);
        output.WriteLine($"{Name}: {Path.GetFullPath(target)} written ({bytes:N0} bytes)");
        return 0;
    }
}
