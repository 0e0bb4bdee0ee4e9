using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// Settings every SQLite connection gets when it opens; PostgreSQL connections are left alone.
/// <list type="bullet">
/// <item>busy_timeout: SQLite itself waits for a busy writer (short, growing sleeps) instead of failing to
/// Microsoft.Data.Sqlite, whose retry sleeps 150 ms a time: with eight public pages recording their views at once,
/// those sleeps were the whole p95 (880 ms; see docs/benchmarks/public.md).</item>
/// <item>wal_autocheckpoint: by default the commit that pushes the WAL past 1,000 pages copies it back into the
/// database file before returning, which cost a bulk archive ~60 ms per 5,000 clients. <see cref="SqliteCheckpointer"/>
/// does that in the background instead; the high threshold is only a cap on the WAL should it not run.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>Pages (4 KiB) the WAL may reach before a commit checkpoints it itself: ~80 MB.</summary>
    public const int AutoCheckpointPages = 20_000;

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 20000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
