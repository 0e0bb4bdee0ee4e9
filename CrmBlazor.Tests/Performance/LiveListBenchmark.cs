using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// Issue 14: what an open staff tab on /companies costs the server (live managed heap, measured in this process,
/// where the app runs on in-process Kestrel), and what one company rename costs every tab watching the list:
/// render-batch bytes and frames on the WebSocket, time until every tab shows it.
/// </summary>
[Trait("Category", "Performance")]
public sealed class LiveListBenchmark(LiveListBenchmark.Fixture fixture, ITestOutputHelper output) : IClassFixture<LiveListBenchmark.Fixture>
{
    private const int Tabs = 20;

    public sealed class Fixture : AppFixture
    {
        public Fixture() : base(120, 150) { }
    }

    [Fact]
    public async Task Heap_per_tab_and_cost_of_one_rename_on_the_company_list()
    {
        var first = await fixture.SignInAsync("office@demo.local");
        var context = first.Context;
        await first.CloseAsync();
        var before = LiveHeap();
        var frames = new ConcurrentDictionary<IPage, ConcurrentQueue<int>>();
        var pages = new List<IPage>();
        for (var i = 0; i < Tabs; i++)
        {
            var page = await context.NewPageAsync();
            var received = frames.GetOrAdd(page, _ => new());
            page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) => received.Enqueue(f.Binary?.Length ?? f.Text?.Length ?? 0);
            await page.GotoAsync("/companies");
            await Blazor.WaitForCircuitAsync(page);
            await page.Locator("#client-table a.client-name").First.WaitForAsync();
            pages.Add(page);
        }
        await Task.Delay(1_000);
        if (Environment.GetEnvironmentVariable("CRM_DUMP_TABLE") is { Length: > 0 } dump)
            await File.WriteAllTextAsync(dump, await pages[0].Locator("#client-table").EvaluateAsync<string>("e => e.outerHTML"));
        var perTab = (LiveHeap() - before) / (double)Tabs;

        var (onPage, offPage) = await PickCompaniesAsync();
        var off = await MeasureChangeAsync(pages, frames, offPage, "ZZZ Off page " + Guid.NewGuid().ToString("N")[..4], expectShown: false);
        var on = await MeasureChangeAsync(pages, frames, onPage, "AAA On page " + Guid.NewGuid().ToString("N")[..4], expectShown: true);

        var inv = CultureInfo.InvariantCulture;
        var report = string.Create(inv,
            $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC | {Environment.ProcessorCount} cores | live heap per tab on /companies ({Tabs} tabs) | {perTab / 1_048_576:F2} MB |\n" +
            $"| | | rename of an on-page company: bytes / frames per tab, time until all {Tabs} tabs show it (p50 / p95) | {on.Bytes:F0} B / {on.Frames:F1} / {on.P50:F0} / {on.P95:F0} ms |\n" +
            $"| | | rename of an off-page company: bytes / frames per tab | {off.Bytes:F0} B / {off.Frames:F1} |\n");
        output.WriteLine(report);
        File.AppendAllText(Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "live-list.md"), report);
        await context.CloseAsync();
    }

    private async Task<(double Bytes, double Frames, double P50, double P95)> MeasureChangeAsync(
        List<IPage> pages, ConcurrentDictionary<IPage, ConcurrentQueue<int>> frames, long id, string name, bool expectShown)
    {
        foreach (var q in frames.Values) q.Clear();
        var clock = Stopwatch.StartNew();
        await RenameAsync(id, name);
        var seen = new List<double>();
        if (expectShown)
        {
            await Task.WhenAll(pages.Select(async p =>
            {
                await p.Locator("#client-table a.client-name").Filter(new() { HasText = name }).WaitForAsync();
                lock (seen) seen.Add(clock.Elapsed.TotalMilliseconds);
            }));
        }
        await Task.Delay(1_500);
        // Only render batches (and acks of them) count: pings are a few bytes and equal before and after.
        var bytes = frames.Values.Average(q => q.Where(n => n > 16).Sum());
        var count = frames.Values.Average(q => q.Count(n => n > 16));
        seen.Sort();
        return (bytes, count, seen.Count == 0 ? 0 : seen[seen.Count / 2], seen.Count == 0 ? 0 : seen[(int)Math.Ceiling(seen.Count * 0.95) - 1]);
    }

    private static long LiveHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task<(long OnPage, long OffPage)> PickCompaniesAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var ids = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status != ClientStatus.Archived)
            .OrderBy(c => c.SortKey).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return (ids[10], ids[^5]);
    }

    private async Task RenameAsync(long id, string name)
    {
        var factory = fixture.App.Get<CrmDbContextFactory>();
        string userId;
        await using (var db = factory.CreateDbContext())
            userId = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
        var actor = new Colleague(new Actor(userId, "Admin", new HashSet<string> { StaffRoles.Admin }, ProfileRights.All));
        var clients = new ClientService(factory, actor, fixture.App.Get<ChangeFeed>(), TimeProvider.System);
        var client = (await clients.GetAsync(id))!;
        var form = client.Form;
        form.CompanyName = name;
        await clients.UpdateAsync(id, form, client.Version);
    }

    private sealed class Colleague(Actor actor) : ICurrentActor
    {
        public Task<Actor> GetAsync() => Task.FromResult(actor);
    }
}
