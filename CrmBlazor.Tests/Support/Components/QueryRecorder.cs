using System.Collections.Concurrent;
using System.Data.Common;
using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmBlazor.Tests.Support.Components;

/// <summary>
/// Records every SQL command the services built on <see cref="Factory"/> run, so a live-page test can tell "no query"
/// from "one row re-read" from "the page reloaded" (issue 14). Register those services in the test before rendering.
/// </summary>
public sealed class QueryRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public QueryRecorder(DomainHost host) => Factory = new CrmDbContextFactory(host.Database.Options, Path.GetTempPath(), this);

    public CrmDbContextFactory Factory { get; }

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        _commands.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        _commands.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, ct);
    }
}
