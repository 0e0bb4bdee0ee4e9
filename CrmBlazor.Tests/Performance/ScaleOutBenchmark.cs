using System.Globalization;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Deploy;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// Two instances behind nginx (the deployment guide's setup): how long a change made in browser A takes to show in
/// browser B when B is on the other instance (through PostgreSQL NOTIFY), beside the same with both on one
/// instance; and what one open staff tab on the company list costs the instance that holds it.
/// Times are taken in the pages themselves (one Chromium, one clock): the click in A, the new line appearing in B.
/// </summary>
[Trait("Category", "Performance")]
public sealed class ScaleOutBenchmark(ScaleOutFixture fixture, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    private const int Changes = 50;
    private const int Warmup = 5;
    private const int Circuits = 50;

    [Fact]
    public async Task A_change_seen_on_the_other_instance_beside_the_same_instance()
    {
        long client;
        await using (var host = DomainHost.Attach(fixture.Database))
        {
            host.Actor.Current = TestActor.Office;
            client = await host.CreateAsync(ClientBuilder.Company());
        }
        var writer = await OpenHistoryAsync("1", client);
        var sameInstance = await OpenHistoryAsync("1", client);
        var otherInstance = await OpenHistoryAsync("2", client);

        // Interleaved, so both see the same machine noise.
        var (same, other) = (new List<double>(), new List<double>());
        for (var i = 0; i < Warmup + Changes; i++)
        {
            var (a, b) = await ChangeAsync(writer, sameInstance, otherInstance);
            if (i < Warmup) continue;
            same.Add(a);
            other.Add(b);
        }
        var sameResult = Bench.Summarise([.. same]);
        var otherResult = Bench.Summarise([.. other]);
        output.WriteLine(Bench.Report("Postgres", "change seen, browser on the same instance", sameResult, "floor"));
        output.WriteLine(Bench.Report("Postgres", "change seen, browser on the other instance", otherResult, "p95 within ~2× floor", otherResult.P95 / sameResult.P95));
        await WriteAsync($"| change seen in another browser, same instance (p50 / p95 / max, {Changes} changes) | {Ms(sameResult.Median)} / {Ms(sameResult.P95)} / {Ms(same.Max())} ms |\n" +
                         $"| change seen in another browser, other instance through PostgreSQL (p50 / p95 / max) | {Ms(otherResult.Median)} / {Ms(otherResult.P95)} / {Ms(other.Max())} ms |\n");
    }

    [Fact]
    public async Task Memory_of_one_open_staff_tab_on_the_company_list()
    {
        var first = await fixture.SignedInOnAsync("2");
        var cookies = (await first.Context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }).ToList();
        await first.Context.CloseAsync();
        await Task.Delay(2_000);
        var before = fixture.Two.ResidentBytes();

        var pages = new List<IPage>();
        for (var i = 0; i < Circuits; i++)
        {
            var page = await fixture.PageOnAsync("2");
            await page.Context.AddCookiesAsync(cookies);
            await page.GotoAsync("/companies");
            await Blazor.WaitForCircuitAsync(page);
            pages.Add(page);
        }
        await Task.Delay(3_000);
        var after = fixture.Two.ResidentBytes();
        var perTab = (after - before) / (double)Circuits / (1024 * 1024);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[bench] resident memory {before / 1048576.0:F0} MB → {after / 1048576.0:F0} MB with {Circuits} tabs: {perTab:F2} MB per tab"));
        await WriteAsync(string.Create(CultureInfo.InvariantCulture,
            $"| app memory per open staff tab on /companies (resident, {Circuits} tabs, {before / 1048576.0:F0} → {after / 1048576.0:F0} MB) | {perTab:F2} MB |\n"));
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenHistoryAsync(string instance, long client)
    {
        var page = await fixture.SignedInOnAsync(instance);
        await page.GotoAsync($"/clients/{client}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync("text=History");
        await page.WaitForSelectorAsync("#history-comment");
        return page;
    }

    /// <summary>A comment added in <paramref name="writer"/>; milliseconds until it shows in each watcher.</summary>
    private static async Task<(double, double)> ChangeAsync(IPage writer, IPage watcherA, IPage watcherB)
    {
        var text = "bench " + Guid.NewGuid().ToString("N")[..10];
        foreach (var watcher in new[] { watcherA, watcherB }) await watcher.EvaluateAsync(WatchScript, text);
        await writer.FillAsync("#history-comment", text);
        // The field binds on change: leave it, as a person's click on the button would.
        await writer.Locator("#history-comment").BlurAsync();
        var clicked = await writer.EvaluateAsync<double>("() => { document.querySelector('#history-comment-add').click(); return performance.timeOrigin + performance.now(); }");
        return (await SeenAsync(watcherA) - clicked, await SeenAsync(watcherB) - clicked);
    }

    private const string WatchScript = """
        text => {
            window.__seen = null;
            const has = () => [...document.querySelectorAll('.history-item')].some(e => e.textContent.includes(text));
            const observer = new MutationObserver(() => {
                if (window.__seen === null && has()) { window.__seen = performance.timeOrigin + performance.now(); observer.disconnect(); }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    private static async Task<double> SeenAsync(IPage watcher)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (await watcher.EvaluateAsync<double?>("() => window.__seen") is { } seen) return seen;
            await Task.Delay(10);
        }
        throw new TimeoutException("the change never showed");
    }

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    private static async Task WriteAsync(string rows)
    {
        var file = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "benchmarks", "scale-out.md");
        if (!File.Exists(file))
            await File.WriteAllTextAsync(file, "# Scale-out benchmark\n\nWritten by `ScaleOutBenchmark` (scripts/bench.sh): two published instances on one PostgreSQL behind nginx.\n");
        await File.AppendAllTextAsync(file, string.Create(CultureInfo.InvariantCulture, $"\n### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n\n| measure | value |\n|---|---|\n") + rows);
    }
}
