using System.Globalization;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Deploy;
using CrmBlazor.Tests.Support.Perf;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// Issue 14: what one change costs when colleagues watch the same page, and what an open tab costs the server.
/// N tabs watch the company list or one client page while another tab renames that client 30 times; each watcher
/// notes in its own page when the new name shows (one Chromium, one clock), the server's CPU and the WebSocket bytes
/// each watcher received are summed (CPU from the save click until the writer's page settles; per watching tab, the
/// slope between 1 and 30 watchers); live heap per tab comes from gcdumps before and after opening 100 tabs. The SDK's
/// Blazor Server template with a singleton notifier is measured the same way in the same run, as the floor.
/// </summary>
[Trait("Category", "Performance")]
public sealed class LivePagesBenchmark(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Changes = 30;
    private const int WarmUpChanges = 5;
    private const int MemoryTabs = 100;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private LiveBenchApp _app = null!;
    private FloorApp _floor = null!;
    private readonly List<string> _rows = [];
    private readonly Dictionary<string, double> _oneWatcherCpu = [];

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await Browser.LaunchAsync("--renderer-process-limit=8");
        _app = await LiveBenchApp.StartAsync();
        _floor = await FloorApp.StartAsync();
    }

    [Fact]
    public async Task Change_seen_by_1_and_30_watching_tabs_and_memory_per_tab_beside_the_floor()
    {
        // CPU per watching tab is the slope from 1 to 30 watchers: what each more tab adds to a change, the writer's own
        // save (and the JIT still warming up in the first runs) left out.
        foreach (var watchers in new[] { 1, 30 })
        {
            await MeasureAsync("floor: template list, notifier", watchers, _floor.Process, FloorScenario());
            await MeasureAsync("CrmBlazor /companies", watchers, _app.Instance, await _app.ListScenarioAsync(_browser));
            await MeasureAsync("CrmBlazor client page", watchers, _app.Instance, await _app.ClientPageScenarioAsync(_browser));
        }
        await MemoryAsync("floor: template list, notifier", _floor.Process, () => NewPageAsync(_floor.Process.Url), "/");
        await MemoryAsync("CrmBlazor /companies", _app.Instance, () => _app.SignedInPageAsync(_browser), "/companies");
        await WriteAsync();
    }

    private LiveScenario FloorScenario() => new(
        Url: "/",
        OpenWriterAsync: async () => await NewPageAsync(_floor.Process.Url, "/"),
        OpenWatcherAsync: () => NewPageAsync(_floor.Process.Url),
        PrepareAsync: async (writer, name) =>
        {
            await writer.FillAsync("#name", name);
            await writer.Locator("#name").BlurAsync();
        },
        CommitAsync: writer => writer.EvaluateAsync<double>("() => { document.querySelector('#rename').click(); return performance.timeOrigin + performance.now(); }"),
        SettleAsync: _ => Task.CompletedTask,
        ShownSelector: ".row-name");

    private async Task<IPage> NewPageAsync(string baseUrl, string? open = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        if (open is not null)
        {
            await page.GotoAsync(open);
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        }
        return page;
    }

    private async Task MeasureAsync(string what, int watcherCount, AppInstance server, LiveScenario scenario)
    {
        var writer = await scenario.OpenWriterAsync();
        var watchers = new List<Watcher>();
        for (var i = 0; i < watcherCount; i++) watchers.Add(await Watcher.OpenAsync(await scenario.OpenWatcherAsync(), scenario.Url));
        await Task.Delay(1_000);

        // The first pass also warms the JIT (tiered compilation recompiles hot code after ~30 calls, on this CPU).
        for (var i = 0; i < (watcherCount == 1 ? 40 : WarmUpChanges); i++)
        {
            await scenario.PrepareAsync(writer, $"Warm up {i} {Guid.NewGuid():N}"[..20]);
            await scenario.CommitAsync(writer);
            await scenario.SettleAsync(writer);
        }
        await Task.Delay(500);

        var latencies = new List<double>();
        var cpu = TimeSpan.Zero;
        foreach (var w in watchers) w.ResetBytes();
        for (var i = 0; i < Changes; i++)
        {
            var name = $"Live bench {i:00} {Guid.NewGuid():N}"[..24];
            foreach (var w in watchers) await w.WatchAsync(scenario.ShownSelector, name);
            await scenario.PrepareAsync(writer, name);
            var cpuBefore = server.CpuTime();
            var clicked = await scenario.CommitAsync(writer);
            foreach (var w in watchers) latencies.Add(await w.SeenAsync() - clicked);
            await scenario.SettleAsync(writer);
            await Task.Delay(100); // renders still queued after the last DOM change
            cpu += server.CpuTime() - cpuBefore;
        }
        var cpuPerChange = cpu.TotalMilliseconds / Changes;
        var perTab = _oneWatcherCpu.TryGetValue(what, out var one) ? $"{(cpuPerChange - one) / (watcherCount - 1):F2} ms per more watching tab" : "";
        if (watcherCount == 1) _oneWatcherCpu[what] = cpuPerChange;
        var frames = watchers.Sum(w => w.Frames) / (double)(Changes * watcherCount);
        var bytes = watchers.Sum(w => w.Bytes) / (double)(Changes * watcherCount);
        var result = Bench.Summarise([.. latencies]);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {watcherCount} | {result.Median:F0} / {result.P95:F0} / {latencies.Max():F0} ms | {cpuPerChange:F1} ms {perTab} | {bytes:F0} B in {frames:F1} frames |");
        output.WriteLine(row);
        _rows.Add(row);
        await writer.Context.CloseAsync();
        foreach (var w in watchers) await w.Page.Context.CloseAsync();
        await Task.Delay(1_000);
    }

    private async Task MemoryAsync(string what, AppInstance server, Func<Task<IPage>> newPage, string url)
    {
        var before = await GcHeap.LiveBytesAsync(server.ProcessId);
        var pages = new List<IPage>();
        for (var i = 0; i < MemoryTabs; i++)
        {
            var page = await newPage();
            await page.GotoAsync(url);
            await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
            pages.Add(page);
        }
        await Task.Delay(2_000);
        var after = await GcHeap.LiveBytesAsync(server.ProcessId);
        var perTab = (after - before) / (double)MemoryTabs / (1024 * 1024);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {what}: live heap per open tab ({MemoryTabs} tabs, {before / 1048576.0:F0} → {after / 1048576.0:F0} MB after a full GC) | {perTab:F2} MB |");
        output.WriteLine(row);
        _rows.Add(row);
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    private async Task WriteAsync()
    {
        var file = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "benchmarks", "live-pages.md");
        if (!File.Exists(file))
            await File.WriteAllTextAsync(file, "# Live pages benchmark\n\nWritten by `LivePagesBenchmark` (scripts/bench.sh); the floor is the SDK's Blazor Server template with a singleton notifier.\n");
        var changes = _rows.Where(r => r.Count(c => c == '|') > 3);
        var memory = _rows.Except(changes);
        await File.AppendAllTextAsync(file, string.Create(CultureInfo.InvariantCulture,
            $"\n### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n\n") +
            $"| page | watching tabs | change seen p50 / p95 / max | server CPU per change | WebSocket per change per tab |\n|---|---:|---|---|---|\n" +
            string.Join('\n', changes) + "\n\n| measure | value |\n|---|---|\n" + string.Join('\n', memory) + "\n");
    }

    public async Task DisposeAsync()
    {
        if (_floor is not null) await _floor.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
