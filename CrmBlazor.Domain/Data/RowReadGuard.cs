using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Domain.Data;

/// <summary>
/// Watches how many rows each query reads. No screen should ever need more than <see cref="Limit"/>:
/// a query that reads more is logged as a warning (and the tests fail on it).
/// </summary>
public sealed class RowReadGuard(ILogger<RowReadGuard> logger) : DbCommandInterceptor
{
    public const int Limit = 500;
    private int _maxRowsRead;

    public int MaxRowsRead => _maxRowsRead;

    public string? WorstCommand { get; private set; }

    public void Reset()
    {
        _maxRowsRead = 0;
        WorstCommand = null;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        var read = eventData.ReadCount;
        if (read > _maxRowsRead)
        {
            Interlocked.Exchange(ref _maxRowsRead, read);
            WorstCommand = command.CommandText;
        }
        if (read > Limit) logger.LogWarning("A query read {Rows} rows (limit {Limit}): {Sql}", read, Limit, command.CommandText);
        return result;
    }
}
