using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using CrmBlazor.Tests.Support.Portal;

namespace CrmBlazor.Tests.Services.Portal;

/// <summary>Matters in the portal (MAT-11, POR-2): only those shared with the customer, and only the customer's own amounts.</summary>
public class PortalMattersTests
{
    private static PortalMatters Matters(DomainHost host) => host.Get<PortalMatters>();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_11_the_portal_lists_only_the_matters_shared_with_the_contacts_customer(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        var a = await host.PortalContactAsync();
        var b = await host.PortalContactAsync();
        var shared = await host.MatterAsync("Compraventa del velero", MatterData.Client(a.CustomerId, shared: true), MatterData.Client(b.CustomerId));
        var notShared = await host.MatterAsync("Reclamación al seguro", MatterData.Client(a.CustomerId));
        var onlyB = await host.MatterAsync("Herencia", MatterData.Client(b.CustomerId, shared: true), MatterData.Client(a.CustomerId));
        var contact = await host.SessionAsync(a);

        var rows = await Matters(host).ListAsync(contact);

        var row = Assert.Single(rows!);
        Assert.Equal(shared, row.Id);
        Assert.Equal(TestActor.Admin.Name, row.ResponsibleName);
        Assert.Null(await Matters(host).GetAsync(contact, notShared));
        Assert.Null(await Matters(host).GetAsync(contact, onlyB));
        Assert.Null(await Matters(host).GetAsync(contact, 999_999));
        Assert.NotNull(await Matters(host).GetAsync(await host.SessionAsync(b), onlyB));

        // Made inactive on the matter, the customer stops seeing it (MAT-11).
        await host.SetActiveAsync(shared, a.CustomerId, false);
        Assert.Empty((await Matters(host).ListAsync(contact))!);
        Assert.Null(await Matters(host).GetAsync(contact, shared));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_11_without_the_projects_permission_no_matter_is_shown_even_a_shared_one(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        var a = await host.PortalContactAsync(PortalPermissions.All & ~PortalPermissions.Projects);
        var matter = await host.MatterAsync("Compraventa", MatterData.Client(a.CustomerId, shared: true));
        var contact = await host.SessionAsync(a);

        Assert.Null(await Matters(host).ListAsync(contact));
        Assert.Null(await Matters(host).GetAsync(contact, matter));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_11_the_matter_page_sums_the_customers_own_activities_and_its_parts_of_common_ones_never_another_clients(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        var a = await host.PortalContactAsync();
        var b = await host.PortalContactAsync();
        var matter = await host.MatterAsync("Compraventa del velero", MatterData.Client(a.CustomerId, shared: true), MatterData.Client(b.CustomerId, shared: true));
        // A: 90 min at 120 €/h = 180 €; B: 75 € of its own; common: 1 h at 100 €/h and a 40 € expense, split equally.
        await host.Activities().AddAsync(matter, ActivityForms.Time(90, 120_00, clientId: a.CustomerId));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(75_00, clientId: b.CustomerId, change: f => f.Description = "Solo para B"));
        await host.Activities().AddAsync(matter, ActivityForms.Time(60, 100_00));
        await host.Activities().AddAsync(matter, ActivityForms.Expense(40_00));
        // Billed earlier on a proforma of A: 30 €.
        var proforma = await host.IssuedAsync(DocumentType.Proforma, a.CustomerId);
        await host.ActivityAsync(matter, a.CustomerId, 30_00, documentId: proforma);
        // Not billable: shown, never counted as to bill.
        await host.Activities().AddAsync(matter, ActivityForms.Expense(5_00, clientId: a.CustomerId, change: f => { f.Billable = false; f.Description = "Fotocopias"; }));

        var detail = await Matters(host).GetAsync(await host.SessionAsync(a), matter);

        Assert.NotNull(detail);
        Assert.Equal(5, detail!.Activities.Count);
        Assert.DoesNotContain(detail.Activities, x => x.Description == "Solo para B");
        Assert.Equal(2, detail.Activities.Count(x => x.Common));
        Assert.Equal(2.0, detail.Summary.Hours);                    // 1.5 h own + half of 1 h
        Assert.Equal(180_00 + 50_00, detail.Summary.TimeMinor);
        Assert.Equal(20_00 + 30_00 + 5_00, detail.Summary.ExpensesMinor);
        Assert.Equal(30_00, detail.Summary.BilledMinor);
        Assert.Equal(180_00 + 50_00 + 20_00, detail.Summary.UnbilledMinor);
        Assert.Equal(TestActor.Admin.Name, detail.ResponsibleName);

        var forB = await Matters(host).GetAsync(await host.SessionAsync(b), matter);
        Assert.Equal(75_00 + 20_00, forB!.Summary.ExpensesMinor);
        Assert.Equal(50_00, forB.Summary.TimeMinor);
    }
}
