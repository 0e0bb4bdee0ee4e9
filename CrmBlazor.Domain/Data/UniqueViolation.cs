using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// A save that lost to a unique index — the database's last word when two requests insert the same key at once —
/// recognised by the index's name on both providers (see <see cref="UniqueIndexes"/>).
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const string SqliteUniqueFailed = "UNIQUE constraint failed: ";

    public static bool Is(DbUpdateException error, params string[] indexNames) =>
        IndexName(error) is { } name && indexNames.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The name of the unique index the save ran into; null when it failed for another reason. Reads the model through
    /// the failed entries, not their context: a catch filter may run after the context was disposed.
    /// </summary>
    public static string? IndexName(DbUpdateException error) => error.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
        SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique } sqlite when error.Entries.Count > 0 =>
            SqliteIndexName(error.Entries[0].Metadata.Model, sqlite.Message),
        _ => null,
    };

    /// <summary>
    /// SQLite names no index, only its columns ("UNIQUE constraint failed: ContactLinks.CompanyId, ContactLinks.PersonId"):
    /// the model tells which unique index has exactly those columns.
    /// </summary>
    private static string? SqliteIndexName(IModel model, string message)
    {
        var start = message.IndexOf(SqliteUniqueFailed, StringComparison.Ordinal);
        if (start < 0) return null;
        var columns = message[(start + SqliteUniqueFailed.Length)..].TrimEnd('\'', '.')
            .Split(", ").Select(c => c.Split('.', 2)).Where(p => p.Length == 2).ToList();
        if (columns.Count == 0 || columns.Any(c => c[0] != columns[0][0])) return null;
        var table = StoreObjectIdentifier.Table(columns[0][0]);
        var names = columns.Select(c => c[1]).ToList();
        return model.GetEntityTypes()
            .Where(e => e.GetTableName() == table.Name)
            .SelectMany(e => e.GetIndexes())
            .FirstOrDefault(i => i.IsUnique && i.Properties.Select(p => p.GetColumnName(table)).SequenceEqual(names))
            ?.GetDatabaseName(table);
    }
}
