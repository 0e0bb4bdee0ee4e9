using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// ARC-1 / ARC-3 speed target: archive, then restore, 10,000 selected clients out of 100,000 on SQLite (≤ 500 ms each),
/// while another user's client list keeps being read; its p95 is measured at the same time. Appends to docs/benchmarks/archive.md.
/// </summary>
[Trait("Category", "Performance")]
public sealed class ArchiveBenchmark(ITestOutputHelper output)
{
    private const int Clients = 100_000;
    private const int Selected = 10_000;
    private const int Runs = 9;
    private const int ColleagueEveryMs = 100;

    [Fact]
    public async Task ARC_1_archive_and_restore_of_10000_selected_clients_take_at_most_500_ms_each_while_the_list_stays_responsive()
    {
        await using var host = await DomainHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.BulkCompaniesAsync(Clients);
        long first;
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the app runs it (DatabaseMigrator)
            first = await db.Clients.MinAsync(c => c.Id);
        }
        var ids = Enumerable.Range(0, Selected).Select(i => first + i * (Clients / Selected)).ToArray(); // spread over the table
        var checkpointer = host.Get<SqliteCheckpointer>(); // runs in the background as in the app
        await checkpointer.StartAsync(CancellationToken.None);
        var archive = host.Get<ClientArchiveService>();
        var directory = host.Get<ClientDirectory>();
        await directory.ListAsync(new ClientListRequest(ClientKind.Company));

        var listTimes = new List<double>();
        using var stop = new CancellationTokenSource();
        var colleague = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                await directory.ListAsync(new ClientListRequest(ClientKind.Company, Search: "bulk 5"));
                lock (listTimes) listTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                // A colleague busier than a person can be: the list's search box waits 300 ms after the last key.
                await Task.Delay(ColleagueEveryMs);
            }
        });

        var archiveTimes = new List<double>();
        var restoreTimes = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var start = Stopwatch.GetTimestamp();
            Assert.Equal(Selected, (await archive.ArchiveAsync(ids)).Count);
            archiveTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            start = Stopwatch.GetTimestamp();
            Assert.Equal(Selected, await archive.RestoreAsync(ids));
            restoreTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        await stop.CancelAsync();
        await colleague;
        await checkpointer.StopAsync(CancellationToken.None);
        await using (var db = host.Db()) Assert.Equal(Runs * Selected * 2, await db.History.CountAsync());

        double[] list;
        lock (listTimes) list = [.. listTimes.Order()];
        var inv = CultureInfo.InvariantCulture;
        var text = string.Create(inv,
            $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {Environment.ProcessorCount} cores | SQLite, {Clients:N0} companies | " +
            $"archive {Selected:N0}: median {Median(archiveTimes):F0} ms (runs {string.Join(", ", archiveTimes.Select(t => t.ToString("F0", inv)))}) | " +
            $"restore {Selected:N0}: median {Median(restoreTimes):F0} ms (runs {string.Join(", ", restoreTimes.Select(t => t.ToString("F0", inv)))}) | " +
            $"list meanwhile (every {ColleagueEveryMs} ms): {list.Length} queries, median {list[list.Length / 2]:F1} ms, p95 {list[(int)Math.Ceiling(0.95 * list.Length) - 1]:F1} ms, max {list[^1]:F1} ms |\n");
        output.WriteLine(text);
        Console.WriteLine("[bench] " + text);
        var file = Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "archive.md");
        if (!File.Exists(file))
            File.WriteAllText(file, "# Archive and restore of 10,000 selected clients\n\nWritten by `ArchiveBenchmark` (category Performance); newest run last. Target: ≤ 500 ms each; the list stays responsive.\n\n" +
                "| Date | Machine | Data | Archive | Restore | Client list read meanwhile |\n|---|---|---|---|---|---|\n");
        File.AppendAllText(file, text);
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
