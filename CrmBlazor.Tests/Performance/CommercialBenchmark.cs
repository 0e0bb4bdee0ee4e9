using System.Globalization;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// "My follow-ups", the menu badge, the deals board and list through the real services, with 60,000 follow-ups (3,000 of
/// them the salesperson's) and 12,000 deals on 2,000 companies; 100 timed runs after a warm-up, both databases.
/// Target: p95 ≤ 50 ms for each screen. Appends to docs/benchmarks/commercial.md.
/// </summary>
[Trait("Category", "Performance")]
public sealed class CommercialBenchmark(ITestOutputHelper output)
{
    private const int FollowUps = 60_000;
    private const int Mine = 3_000;
    private const int Deals = 12_000;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_2_my_follow_ups_the_badge_and_COM_4_the_board_and_list_stay_under_50_ms_at_p95(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.SalesTeamAsync();
        await host.BulkCompaniesAsync(2_000);
        await SeedAsync(host);
        host.Actor.Current = TestActor.Sales;
        var follow = host.FollowUpReads();
        var deals = host.DealReads();

        var lines = new List<string>
        {
            Line(provider, "My follow-ups (3 groups of ≤ 100, counts)", await Bench.MeasureAsync(() => follow.MineAsync(), 100)),
            Line(provider, "Menu badge (overdue + today)", await Bench.MeasureAsync(() => follow.BadgeCountAsync(), 100)),
            Line(provider, "Deals board (6 columns of ≤ 80, totals)", await Bench.MeasureAsync(() => deals.BoardAsync(), 100)),
            Line(provider, "Deals list, by amount, ≤ 200 rows", await Bench.MeasureAsync(() => deals.ListAsync(new DealListRequest(Sort: DealSort.Amount, Descending: true)), 100)),
        };
        var file = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "docs", "benchmarks", "commercial.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (!File.Exists(file)) await File.WriteAllTextAsync(file, "# Commercial screens\n\n| when (UTC) | database | screen | median ms | p95 ms |\n|---|---|---|---|---|\n");
        await File.AppendAllLinesAsync(file, lines);
        foreach (var line in lines) output.WriteLine(line);
    }

    private static string Line(DatabaseProvider provider, string screen, BenchResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {provider} | {screen} | {r.Median:F2} | {r.P95:F2} |");

    /// <summary>Rows inserted directly in batches (fixed seed): due times spread over ±60 days, a third done.</summary>
    private static async Task SeedAsync(DomainHost host)
    {
        var random = new Random(7);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using var read = host.Db();
        var clients = read.Clients.Select(c => c.Id).ToList();
        for (var batch = 0; batch < FollowUps; batch += 5_000)
        {
            await using var db = host.Db();
            for (var i = batch; i < batch + 5_000; i++)
            {
                var user = i < Mine ? TestActor.Sales.UserId! : $"user-{i % 40}";
                var f = new FollowUp(clients[random.Next(clients.Count)], (FollowUpKind)(i % 4), now.AddMinutes(random.Next(-86_400, 86_400)), user, "Bench", "admin-1", now);
                if (i % 3 == 0) f.Complete("Done", "admin-1", now);
                db.FollowUps.Add(f);
            }
            await db.SaveChangesAsync();
        }
        await using (var db = host.Db())
        {
            for (var i = 0; i < Deals; i++)
                db.Deals.Add(new Deal($"Deal {i}", clients[random.Next(clients.Count)], random.Next(1, 5_000_000), i % 5 == 0 ? "PLN" : "EUR",
                    (DealStage)(i % 6), i % 2 == 0 ? "sales-1" : "admin-1", DateOnly.FromDateTime(now).AddDays(random.Next(-30, 120)), now));
            await db.SaveChangesAsync();
        }
    }
}
