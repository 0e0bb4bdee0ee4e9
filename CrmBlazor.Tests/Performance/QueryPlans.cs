using System.Data.Common;
using System.Text;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Tests.Performance;

/// <summary>Records the SQL the services send, so a benchmark can show each query with its plan.</summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _commands = [];

    public bool Enabled { get; set; }

    public IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> Commands => _commands;

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static string? Show(object? value) =>
        value is System.Collections.IEnumerable list and not string ? $"[{string.Join(", ", list.Cast<object>().Take(3))}, …]" : value?.ToString();

    private void Record(DbCommand command)
    {
        if (!Enabled) return;
        _commands.Add((command.CommandText,
            command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray()));
    }

    /// <summary>Each recorded command with its parameters and the database's plan for it.</summary>
    public async Task<string> ExplainAsync(CrmDbContextFactory dbs)
    {
        var text = new StringBuilder();
        await using var db = dbs.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (sql, parameters) in _commands)
        {
            text.AppendLine(sql);
            foreach (var (name, value) in parameters.Take(4)) text.AppendLine($"  {name} = {Show(value)}");
            if (parameters.Length > 4) text.AppendLine($"  … {parameters.Length - 4} more parameters");
            await using var explain = connection.CreateCommand();
            explain.CommandText = (db.IsPostgres ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var (name, value) in parameters)
            {
                var p = explain.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                explain.Parameters.Add(p);
            }
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = db.IsPostgres ? reader.GetString(0) : $"{reader.GetValue(1)} {reader.GetValue(3)}";
                text.AppendLine("  | " + (line.Length > 200 ? line[..200] + "…" : line));
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
