using CrmBlazor.Domain.Data;

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
        var bytes = await SqliteBackup.CopyToAsync(dbs, target);
        output.WriteLine($"{Name}: {Path.GetFullPath(target)} written ({bytes:N0} bytes)");
        return 0;
    }
}
