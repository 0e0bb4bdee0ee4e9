using CrmBlazor.Domain;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PerformanceCollection
{
    public const string Name = "Performance";
}

/// <summary>
/// The client list on 100,000 companies and 200,000 persons, through the real <see cref="ClientDirectory"/>
/// as an admin. Excluded from scripts/test.sh; run by scripts/bench.sh. Targets are asserted on SQLite only.
/// </summary>
public abstract class ClientListBenchmarks : IAsyncLifetime
{
    private const double PageTargetMs = 10, SearchTargetMs = 50, DeepRatioTarget = 3;
    private const int DeepRow = 70_000;
    private readonly BenchDatabase _database;
    private readonly ITestOutputHelper _output;
    private ServiceProvider? _services;
    private ClientDirectory _directory = null!;

    protected ClientListBenchmarks(BenchDatabase database, ITestOutputHelper output)
    {
        _database = database;
        _output = output;
    }

    private bool Enforce => _database.Provider == DatabaseProvider.Sqlite;
    private string Provider => _database.Provider.ToString();

    public Task InitializeAsync()
    {
        if (_database.SeedLog.Length > 0) _output.WriteLine(_database.SeedLog);
        if (_database.Options is not { } options) return Task.CompletedTask;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new TestClock());
        services.AddCrmDomain(options, Path.GetTempPath());
        services.AddSingleton<ICurrentActor>(new TestActor { Current = TestActor.Admin });
        services.AddSingleton<SqlCapture>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SqlCapture>());
        services.AddLogging();
        _services = services.BuildServiceProvider();
        _directory = _services.CreateScope().ServiceProvider.GetRequiredService<ClientDirectory>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    [Theory]
    [InlineData(ClientKind.Company)]
    [InlineData(ClientKind.Person)]
    public async Task Inactive_first_page_sorted_by_name(ClientKind kind)
    {
        if (Skipped()) return;
        var request = new ClientListRequest(kind, Filter: ClientFilter.Parse(["active.eq.no"]));
        var page = await _directory.ListAsync(request);
        Assert.Equal(50, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal(ClientStatus.Inactive, r.Status));
        Assert.True(page.TotalIsCapped);

        var result = await Bench.MeasureAsync(() => _directory.ListAsync(request));
        Record($"{Plural(kind)}, active = no, by name, page 1", result, $"p95 ≤ {PageTargetMs} ms");
        if (Enforce) Assert.True(result.P95 <= PageTargetMs, $"p95 {result.P95:F2} ms > {PageTargetMs} ms");
    }

    [Theory]
    [InlineData(ClientKind.Company)]
    [InlineData(ClientKind.Person)]
    public async Task Unfiltered_first_page_sorted_by_name(ClientKind kind)
    {
        if (Skipped()) return;
        var request = new ClientListRequest(kind);
        Assert.Equal(50, (await _directory.ListAsync(request)).Rows.Count);

        var result = await Bench.MeasureAsync(() => _directory.ListAsync(request));
        Record($"{Plural(kind)}, no filter, by name, page 1", result, $"p95 ≤ {PageTargetMs} ms");
        if (Enforce) Assert.True(result.P95 <= PageTargetMs, $"p95 {result.P95:F2} ms > {PageTargetMs} ms");
    }

    [Fact]
    public async Task Deep_page_at_row_70000_costs_at_most_three_times_page_one()
    {
        if (Skipped()) return;
        var first = new ClientListRequest(ClientKind.Person);
        var cursor = await CursorAtRowAsync(DeepRow);
        var deep = first with { After = cursor };
        var deepPage = await _directory.ListAsync(deep);
        Assert.Equal(50, deepPage.Rows.Count);
        Assert.Equal((await CursorAtRowAsync(DeepRow + 1)).Id, deepPage.Rows[0].Id);

        var (page1, deepResult) = await Bench.CompareAsync(() => _directory.ListAsync(first), () => _directory.ListAsync(deep));
        var ratio = deepResult.Median / page1.Median;
        Record("Persons, no filter, by name, page 1 (paired)", page1, "reference");
        Record($"Persons, no filter, by name, row {DeepRow:N0} (keyset)", deepResult, $"median ≤ {DeepRatioTarget}× page 1", ratio);
        if (Enforce) Assert.True(ratio <= DeepRatioTarget, $"deep page costs {ratio:F2}× page 1");
    }

    [Theory]
    [InlineData(ClientKind.Person, "ana")]
    [InlineData(ClientKind.Person, "kow")]
    [InlineData(ClientKind.Person, "mar")]
    [InlineData(ClientKind.Company, "ana")]
    [InlineData(ClientKind.Company, "kow")]
    [InlineData(ClientKind.Company, "mar")]
    public async Task Search_three_letters_contains(ClientKind kind, string term)
    {
        if (Skipped()) return;
        var request = new ClientListRequest(kind, Search: term);
        var page = await _directory.ListAsync(request);
        Assert.NotEmpty(page.Rows);

        var result = await Bench.MeasureAsync(() => _directory.ListAsync(request));
        Record($"{Plural(kind)}, search \"{term}\" ({(page.TotalIsCapped ? "10,000+" : page.Total.ToString("N0"))} hits), page 1",
            result, $"p95 ≤ {SearchTargetMs} ms");
        if (Enforce) Assert.True(result.P95 <= SearchTargetMs, $"p95 {result.P95:F2} ms > {SearchTargetMs} ms");
    }

    /// <summary>Writes the SQL of every benchmarked request with the database's plan to docs/benchmarks/plans-{provider}.md.</summary>
    [Fact]
    public async Task Query_plans()
    {
        if (Skipped()) return;
        var capture = _services!.GetRequiredService<SqlCapture>();
        var cursor = await CursorAtRowAsync(DeepRow);
        var requests = new (string Title, ClientListRequest Request)[]
        {
            ("Companies, active = no", new(ClientKind.Company, Filter: ClientFilter.Parse(["active.eq.no"]))),
            ("Persons, no filter", new(ClientKind.Person)),
            ($"Persons, after row {DeepRow:N0}", new(ClientKind.Person, After: cursor)),
            ("Persons, search \"kow\"", new(ClientKind.Person, Search: "kow")),
            ("Companies, search \"ana\"", new(ClientKind.Company, Search: "ana")),
        };
        var text = new System.Text.StringBuilder($"# Query plans ({Provider})\n\nWritten by the Query_plans benchmark.\n");
        foreach (var (title, request) in requests)
        {
            capture.Clear();
            capture.Enabled = true;
            await _directory.ListAsync(request);
            capture.Enabled = false;
            text.Append($"\n## {title}\n\n```\n{await capture.ExplainAsync(_services!.GetRequiredService<CrmDbContextFactory>())}```\n");
        }
        _output.WriteLine(text.ToString());
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, $"plans-{Provider.ToLowerInvariant()}.md"), text.ToString());
    }

    /// <summary>The cursor of the n-th person (1-based) in name order, as the list's own paging would produce.</summary>
    private async Task<ClientCursor> CursorAtRowAsync(int row)
    {
        await using var db = new CrmDbContextFactory(_database.Options!, Path.GetTempPath()).CreateDbContext();
        var at = await db.Clients.Where(c => c.Kind == ClientKind.Person && c.Status != ClientStatus.Archived)
            .OrderBy(c => c.SortKey).ThenBy(c => c.Id).Skip(row - 1).Select(c => new { c.SortKey, c.Id }).FirstAsync();
        return new ClientCursor(at.SortKey, at.Id);
    }

    private static string Plural(ClientKind kind) => kind == ClientKind.Company ? "Companies" : "Persons";

    private bool Skipped()
    {
        if (_database.Options is not null) return false;
        _output.WriteLine($"{Provider}: not available ({TestDatabase.PostgresVariable} not set), nothing measured.");
        return true;
    }

    private void Record(string query, BenchResult result, string target, double? ratio = null) =>
        _output.WriteLine(Bench.Report(Provider, query, result, target, ratio));
}

[Collection(PerformanceCollection.Name)]
[Trait("Category", "Performance")]
public sealed class SqliteClientListBenchmarks(SqliteBenchDatabase database, ITestOutputHelper output)
    : ClientListBenchmarks(database, output), IClassFixture<SqliteBenchDatabase>;

[Collection(PerformanceCollection.Name)]
[Trait("Category", "Performance")]
public sealed class PostgresClientListBenchmarks(PostgresBenchDatabase database, ITestOutputHelper output)
    : ClientListBenchmarks(database, output), IClassFixture<PostgresBenchDatabase>;
