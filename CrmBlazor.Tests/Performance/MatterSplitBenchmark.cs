using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters.Split;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// Saving a new client split (MAT-8) end to end through <see cref="SplitService"/> on SQLite (WAL, as the app runs it):
/// a matter with 5 clients and 1,000 / 5,000 / 10,000 unbilled common activities, commands counted by an interceptor.
/// Target at 10,000: ≤ 200 ms and ≤ 5 commands. Appends to docs/benchmarks/matter-split.md.
/// </summary>
[Trait("Category", "Performance")]
public sealed class MatterSplitBenchmark(ITestOutputHelper output)
{
    private const int Runs = 11;
    private static readonly int[] Sizes = [1_000, 5_000, 10_000];

    [Fact]
    public async Task MAT_8_saving_a_split_of_10000_common_activities_among_5_clients_takes_at_most_200_ms_and_5_commands()
    {
        var counter = new CommandCounter();
        await using var host = await DomainHost.CreateAsync(DatabaseProvider.Sqlite, s => s.AddSingleton<IInterceptor>(counter));
        await using (var db = host.Db()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var checkpointer = host.Get<SqliteCheckpointer>();
        await checkpointer.StartAsync(CancellationToken.None);
        var clients = new List<long>();
        for (var i = 0; i < 5; i++) clients.Add(await host.CreateAsync(ClientBuilder.Company($"Cliente {i + 1}")));

        var rows = new List<(int Size, double Median, double Max, int Commands)>();
        foreach (var size in Sizes)
        {
            var matter = await host.MatterAsync($"Bench {size}", clients.Select(c => (c, true)).ToArray());
            await SeedCommonActivitiesAsync(host, matter, size);
            await using (var db = host.Db())
            {
                await ActivitySplitter.RebalanceAsync(db, matter, default);
                Assert.Equal(size * 5, await db.ActivityShares.CountAsync(s => db.Activities.Any(a => a.Id == s.ActivityId && a.MatterId == matter)));
            }
            var split = host.Split();
            var times = new List<double>();
            var commands = 0;
            for (var run = 0; run < Runs + 1; run++)
            {
                // A different split each time, so every run rewrites every share.
                var percents = clients.Select((c, i) => new SplitPercent(c, i == run % 5 ? 36m : 16m)).ToList();
                var version = await host.VersionOfMatterAsync(matter);
                counter.Reset();
                var start = Stopwatch.GetTimestamp();
                await split.SaveAsync(matter, percents, version);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                commands = Math.Max(commands, counter.Count);
                if (run > 0) times.Add(ms); // the first is the warm-up
            }
            var view = await split.GetAsync(matter);
            Assert.Equal(view.CommonUnbilledMinor, view.Clients.Sum(c => c.AmountMinor));
            times.Sort();
            rows.Add((size, times[times.Count / 2], times[^1], commands));
        }
        await checkpointer.StopAsync(CancellationToken.None);

        var inv = CultureInfo.InvariantCulture;
        var cells = string.Join(" | ", rows.Select(r => string.Create(inv, $"{r.Median:F1} ms (max {r.Max:F1}), {r.Commands} commands")));
        var text = string.Create(inv, $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {Environment.ProcessorCount} cores, shared | SQLite WAL, 5 clients | {cells} |\n");
        output.WriteLine(text);
        Console.WriteLine("[bench] " + text);
        var file = Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "matter-split.md");
        if (!File.Exists(file))
            File.WriteAllText(file, "# Saving a client split\n\nWritten by `MatterSplitBenchmark` (category Performance); newest run last. " +
                $"`SplitService.SaveAsync` end to end, median of {Runs} runs after a warm-up, commands counted by a `DbCommandInterceptor`. " +
                "Target at 10,000 common activities: ≤ 200 ms, ≤ 5 commands.\n\n" +
                "| Date | Machine | Data | 1,000 activities | 5,000 activities | 10,000 activities |\n|---|---|---|---|---|---|\n");
        File.AppendAllText(file, text);

        var big = rows.Single(r => r.Size == 10_000);
        Assert.True(big.Commands <= 5, $"{big.Commands} commands");
        Assert.True(big.Median <= 200, $"median {big.Median:F1} ms");
    }

    private static async Task SeedCommonActivitiesAsync(DomainHost host, long matterId, int count)
    {
        await using var db = host.Db();
        await db.Database.ExecuteSqlRawAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
            INSERT INTO "Activities" ("MatterId", "Kind", "Date", "UserId", "DurationMinutes", "HourlyRateMinor", "AmountMinor", "Description",
                "Billable", "ClientId", "BilledAt", "DocumentId", "CreatedAt", "Version")
            SELECT {1}, 1, '2026-11-20', 'admin-1', NULL, NULL, 1 + (i * 7919) % 250000, 'Bench ' || i, 1, NULL, NULL, NULL, {2}, 1 FROM n
            """, count, matterId, host.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Counts every command sent to the database (reads, writes, scalars).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, ct);
        }
    }
}
