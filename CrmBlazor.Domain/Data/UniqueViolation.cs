using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmBlazor.Domain.Data;

/// <summary>A save that lost to a unique index: the database's last word when two requests insert the same key at once.</summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException error, string table) => error.InnerException switch
    {
        // SQLite: "UNIQUE constraint failed: PaymentEvents.Provider, PaymentEvents.EventId"
        SqliteException { SqliteErrorCode: 19 } sqlite => sqlite.Message.Contains($" {table}.", StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.TableName == table,
        _ => false,
    };
}
