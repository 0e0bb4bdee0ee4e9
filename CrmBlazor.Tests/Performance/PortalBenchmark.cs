using System.Globalization;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Matters.Split;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// The portal's heaviest reads through their services (POR-2, MAT-11): a shared matter's page for one of 5 clients with
/// 5,000 own activities, 5,000 common ones (25,000 shares) and 5,000 of other clients; the support thread of a customer
/// with 2,000 messages. Median and p95 of 50 runs after a warm-up. Appends to docs/benchmarks/portal.md.
/// </summary>
[Trait("Category", "Performance")]
public sealed class PortalBenchmark(ITestOutputHelper output)
{
    private const int Runs = 50;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_11_the_portal_matter_page_over_15000_activities_and_the_support_thread_answer_within_250_ms_p95(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var others = new List<long>();
        for (var i = 0; i < 4; i++) others.Add(await host.CreateAsync(ClientBuilder.Company($"Otro cliente {i + 1}")));
        var matter = await host.MatterAsync("Bench portal", [(a.CustomerId, true), .. others.Select(o => (o, true))]);
        await using (var db = host.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "MatterParties" SET "SharedOnPortal" = TRUE WHERE "MatterId" = {0} AND "ClientId" = {1}""", matter, a.CustomerId);
            await SeedAsync(db, matter, a.CustomerId, 0, 5_000, host);                // own time
            await SeedAsync(db, matter, null, 1, 5_000, host);                        // common expenses
            foreach (var other in others) await SeedAsync(db, matter, other, 1, 1_250, host);
            await ActivitySplitter.RebalanceAsync(db, matter, default);
            await db.Database.ExecuteSqlRawAsync(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                INSERT INTO "SupportMessages" ("CustomerId", "PortalAccountId", "StaffUserId", "AuthorName", "Body", "CreatedAt")
                SELECT {0}, {1}, NULL, 'Zofia', 'Mensaje ' || i, {2} FROM n
                """, a.CustomerId, a.AccountId, host.Clock.GetUtcNow().UtcDateTime);
        }
        var contact = await host.SessionAsync(a);
        var matters = host.Get<PortalMatters>();
        var support = host.Get<PortalSupport>();
        var detail = await matters.GetAsync(contact, matter);
        Assert.Equal(PortalMatters.ActivityLimit, detail!.Activities.Count);
        Assert.Equal(5_000, detail.Summary.Hours);

        var page = await Bench.MeasureAsync(() => matters.GetAsync(contact, matter), Runs);
        var thread = await Bench.MeasureAsync(() => support.ThreadAsync(contact), Runs);

        var inv = CultureInfo.InvariantCulture;
        var text = string.Create(inv,
            $"| {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {Environment.ProcessorCount} cores | {provider} | {page.Median:F2} / {page.P95:F2} | {thread.Median:F2} / {thread.P95:F2} |\n");
        output.WriteLine(text);
        Console.WriteLine("[bench] " + text);
        var file = Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "portal.md");
        if (!File.Exists(file))
            File.WriteAllText(file, "# Portal reads\n\nWritten by `PortalBenchmark` (category Performance); newest run last. " +
                $"Median / p95 ms of {Runs} runs after a warm-up, through `PortalMatters.GetAsync` and `PortalSupport.ThreadAsync`. " +
                "Matter: 5 clients, 5,000 own time activities of the contact's customer, 5,000 common expenses (25,000 shares), 5,000 of the others. " +
                "Thread: 2,000 messages (the newest 200 shown). Target p95 ≤ 250 ms (the matter is extreme: one customer with 10,000 activities on it).\n\n" +
                "| Date | Machine | Provider | Matter page | Support thread |\n|---|---|---|---|---|\n");
        File.AppendAllText(file, text);

        Assert.True(page.P95 <= 250, $"matter page {page}");
        Assert.True(thread.P95 <= 250, $"thread {thread}");
    }

    private static Task SeedAsync(CrmDbContext db, long matterId, long? clientId, int kind, int count, DomainHost host) =>
        db.Database.ExecuteSqlRawAsync((
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {0})
            INSERT INTO "Activities" ("MatterId", "Kind", "Date", "UserId", "DurationMinutes", "HourlyRateMinor", "AmountMinor", "Description",
                "Billable", "ClientId", "BilledAt", "DocumentId", "CreatedAt", "Version")
            SELECT {1}, {2}, '2026-11-20', 'admin-1', CASE WHEN {2} = 0 THEN 60 END, CASE WHEN {2} = 0 THEN 10000 END, 10000, 'Bench ' || i,
                TRUE, CLIENT, NULL, NULL, {3}, 1 FROM n
            """).Replace("CLIENT", clientId?.ToString(CultureInfo.InvariantCulture) ?? "NULL"), count, matterId, kind, host.Clock.GetUtcNow().UtcDateTime);
}
