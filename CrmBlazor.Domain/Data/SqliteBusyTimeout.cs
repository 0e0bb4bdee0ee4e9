using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// Lets SQLite itself wait for a busy writer (short, growing sleeps) instead of failing to Microsoft.Data.Sqlite,
/// whose retry sleeps 150 ms a time: with eight public pages recording their views at once, those sleeps were
/// the whole p95 (880 ms; see docs/benchmarks/public.md). PostgreSQL connections are left alone.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
