using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// A consistent copy of the SQLite database while the app keeps writing, through SQLite's online backup API: all
/// pages are copied in one step inside one read transaction, which in WAL mode blocks no writer; the copy is the
/// database as of that transaction's start. It is written under a temporary name and moved into place, so a failed
/// backup never leaves a half file under the name asked for.
/// </summary>
public static class SqliteBackup
{
    public static async Task<long> CopyToAsync(CrmDbContextFactory dbs, string target, CancellationToken ct = default)
    {
        if (dbs.Provider != DatabaseProvider.Sqlite) throw new InvalidOperationException("Only a SQLite database is copied this way.");
        target = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);

        await using var db = dbs.CreateDbContext();
        await db.Database.OpenConnectionAsync(ct);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            // One self-contained file: the copy carries the source's WAL flag; without it, no -wal file next to the backup.
            await using var command = destination.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(ct);
        }
        File.Move(partial, target, overwrite: true);
        return new FileInfo(target).Length;
    }
}
