using System.Text.Json;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>Matter proformas (MAT-13): one draft per active client, by split; billed activities are frozen.</summary>
public class MatterProformaTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_13_one_draft_proforma_per_active_client_with_its_own_activities_and_its_shares_of_common_ones(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA"));
        var c = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var matter = await host.MatterAsync("Herencia", (a, true), (b, true), (c, false));
        await host.Activities().AddAsync(matter, ActivityForms.Time(90, 120_00, clientId: a));          // 180.00 for A
        await host.Activities().AddAsync(matter, ActivityForms.Expense(100_01));                        // 50.01 A, 50.00 B
        await host.Activities().AddAsync(matter, ActivityForms.Expense(7_00, clientId: b, f => f.Billable = false));
        await host.SetActiveAsync(matter, c, true);
        await host.SetActiveAsync(matter, c, false);
        var rate = await host.RateAsync(21m);

        var ids = await host.Proformas().CreateAsync(matter, rate);

        await using var db = host.Db();
        var docs = await db.Documents.AsNoTracking().Include(d => d.Lines).Where(d => ids.Contains(d.Id)).ToListAsync();
        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.Equal((DocumentType.Proforma, DocumentStatus.Draft, "EUR"), (d.Type, d.Status, d.Currency)));
        var forA = docs.Single(d => d.ClientId == a);
        var forB = docs.Single(d => d.ClientId == b);
        Assert.Equal(230_01, forA.NetMinor);
        Assert.Equal(MoneyOf(230_01), forA.TotalMinor);
        Assert.Equal(50_00, forB.NetMinor);
        Assert.Equal(2, forA.Lines.Count);
        Assert.Contains("Revisión del contrato (1:30 h)", forA.Lines.Select(l => l.Description).First());

        var activities = await db.Activities.AsNoTracking().Where(x => x.MatterId == matter).ToListAsync();
        Assert.Equal(2, activities.Count(x => x.BilledAt != null));
        Assert.Equal(forA.Id, activities.Single(x => x.ClientId == a).DocumentId);
        Assert.Null(activities.Single(x => x.Billable == false).BilledAt);   // not billable: stays unbilled
        Assert.Equal(2, await db.History.CountAsync(h => h.Kind == HistoryKind.DocumentCreated));
        var timeline = await db.History.SingleAsync(e => e.MatterId == matter && e.Kind == HistoryKind.MatterProformasDrafted);
        Assert.Equal(2, JsonSerializer.Deserialize<ProformaHistoryData>(timeline.Data!)!.Proformas.Count);

        // Billed activities never change again; and there is nothing left to bill.
        var billed = activities.Single(x => x.ClientId == a);
        await Expect.RefusedAsync(() => host.Activities().EditAsync(billed.Id, ActivityForms.Time(10), billed.Version), "Error.ActivityBilled");
        await Expect.RefusedAsync(() => host.Activities().DeleteAsync(billed.Id, billed.Version), "Error.ActivityBilled");
        await Expect.RefusedAsync(() => host.Proformas().CreateAsync(matter, rate), "Error.MatterNothingToBill");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_5_no_matter_proforma_on_a_blocked_mono_client_matter(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var matter = await host.MatterAsync("Reclamación", (a, true));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(10_00));
        await host.SetActiveAsync(matter, a, false);

        await Expect.RefusedAsync(() => host.Proformas().CreateAsync(matter, 1), MatterBlocking.RefusedKey);
        await using var db = host.Db();
        Assert.Equal(0, await db.Documents.CountAsync());
        Assert.Equal(0, await db.Activities.CountAsync(x => x.BilledAt != null));
    }

    private static long MoneyOf(long net) => net + (long)Math.Round(net * 0.21m, MidpointRounding.AwayFromZero);
}
