using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Matters;

/// <summary>Deleting a matter (MAT-12) and its intervenants (MAT-1, MAT-14).</summary>
public class MatterDeletionAndTeamTests
{
    private static async Task<DomainHost> HostAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.StaffUsersAsync();
        return host;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_12_deleting_needs_the_profile_right_warns_of_the_activities_and_takes_them_along(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var b = await host.CreateAsync(ClientBuilder.Company("Beta SL"));
        var id = await host.MatterAsync("Duplicate by mistake", MatterData.Client(a), MatterData.Client(b));
        await host.ActivityAsync(id, a);
        await host.ActivityAsync(id, null);
        await host.SplitAsync(id);
        var version = await host.MatterVersionAsync(id);

        var stakes = await host.Matters().DeletionStakesAsync(id);
        Assert.Equal((2, 0, true), (stakes.Activities, stakes.BilledActivities, stakes.MayDelete));

        host.Actor.Current = TestActor.Office with { Rights = ProfileRights.All & ~ProfileRights.DeleteMatters };
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Matters().DeleteAsync(id, version));
        host.Actor.Current = TestActor.Office with { Rights = ProfileRights.DeleteMatters };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Matters().DeleteAsync(id, version - 1));
        await host.Matters().DeleteAsync(id, version);

        Assert.Null(await host.MatterReads().GetAsync(id));
        await using var db = host.Db();
        Assert.Equal(0, await db.Activities.CountAsync());
        Assert.Equal(0, await db.ActivityShares.CountAsync());
        Assert.Equal(0, await db.MatterSplits.CountAsync());
        Assert.Equal(0, await db.History.CountAsync(e => e.MatterId != null));
        Assert.Equal(0, await db.MatterParties.CountAsync());
        foreach (var client in new[] { a, b })
            Assert.True(await db.History.AnyAsync(h => h.ClientId == client && h.Kind == HistoryKind.MatterChanged && h.Data!.Contains("Deleted")));
        Assert.True(await db.Audit.AnyAsync(e => e.Action == "matter.deleted" && e.Subject == "2026-0001"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_12_a_matter_whose_activities_were_billed_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var id = await host.MatterAsync("Billed", MatterData.Client(a));
        var proforma = await host.IssuedAsync(DocumentType.Proforma, a);
        var invoice = await host.Documents().ConvertAsync([proforma], DocumentType.Invoice);
        await host.ActivityAsync(id, a, documentId: proforma);
        await host.ActivityAsync(id, a);

        var stakes = await host.Matters().DeletionStakesAsync(id);
        Assert.Equal((2, 1, false), (stakes.Activities, stakes.BilledActivities, stakes.MayDelete));
        await Expect.RefusedAsync(async () => await host.Matters().DeleteAsync(id, await host.MatterVersionAsync(id)), "Error.MatterHasInvoices");
        Assert.NotNull(await host.MatterReads().GetAsync(id));
        Assert.True(invoice > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_14_a_user_whose_profile_allows_it_adds_themself_as_intervenant_others_are_refused(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var id = await host.MatterAsync("Team", MatterData.Client(a));

        host.Actor.Current = TestActor.Sales;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Matters().JoinAsync(id));
        Assert.DoesNotContain("Sylwia Sales", (await host.DetailAsync(id)).Intervenants.Select(i => i.Name));

        host.Actor.Current = TestActor.Sales with { Rights = ProfileRights.JoinMatters };
        await host.Matters().JoinAsync(id);
        await host.Matters().JoinAsync(id); // already in: nothing changes
        Assert.Equal(["Ana Admin", "Olivier Office", "Sylwia Sales"], (await host.DetailAsync(id)).Intervenants.Select(i => i.Name));
        var line = Assert.Single(await host.MatterReads().TimelineAsync(id), e => e.Kind == HistoryKind.MatterChanged);
        Assert.Equal("Sylwia Sales", line.Text);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_the_responsible_or_an_administrator_sets_the_intervenants_and_the_responsible_stays_one(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var id = await host.MatterAsync("Team", MatterData.Client(a));

        host.Actor.Current = TestActor.Office; // an intervenant, not the responsible
        await Assert.ThrowsAsync<NotAllowedException>(async () => await host.Matters().AddIntervenantAsync(id, TestActor.Sales.UserId!, await host.MatterVersionAsync(id)));
        host.Actor.Current = TestActor.Admin;
        await host.Matters().AddIntervenantAsync(id, TestActor.Sales.UserId!, await host.MatterVersionAsync(id));
        await host.Matters().RemoveIntervenantAsync(id, TestActor.Office.UserId!, await host.MatterVersionAsync(id));
        Assert.Equal(["Ana Admin", "Sylwia Sales"], (await host.DetailAsync(id)).Intervenants.Select(i => i.Name));
        await Expect.RefusedAsync(async () => await host.Matters().RemoveIntervenantAsync(id, TestActor.Admin.UserId!, await host.MatterVersionAsync(id)), "Error.MatterResponsibleStays");
        await Expect.FieldErrorAsync(async () => await host.Matters().AddIntervenantAsync(id, "ghost", await host.MatterVersionAsync(id)), "IntervenantIds", "Error.UserNotFound");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_the_responsible_or_an_administrator_closes_and_reopens_a_matter_with_a_timeline_line_each(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var id = await host.MatterAsync("Team", MatterData.Client(a));

        host.Actor.Current = TestActor.Office; // an intervenant, not the responsible
        await Assert.ThrowsAsync<NotAllowedException>(async () => await host.Matters().SetStatusAsync(id, MatterStatus.Closed, await host.MatterVersionAsync(id)));
        Assert.Equal(MatterStatus.Open, (await host.DetailAsync(id)).Status);

        host.Actor.Current = TestActor.Admin;
        var seen = await host.MatterVersionAsync(id);
        await host.Matters().SetStatusAsync(id, MatterStatus.Closed, seen);
        Assert.Equal(MatterStatus.Closed, (await host.DetailAsync(id)).Status);
        // A page still showing the open matter cannot act on it.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Matters().SetStatusAsync(id, MatterStatus.Open, seen));
        await host.Matters().SetStatusAsync(id, MatterStatus.Open, await host.MatterVersionAsync(id));

        Assert.Equal(MatterStatus.Open, (await host.DetailAsync(id)).Status);
        var lines = (await host.MatterReads().TimelineAsync(id)).Where(e => e.Kind == HistoryKind.MatterChanged).Select(e => e.Data!).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, d => d.Contains(PartyChanges.Closed));
        Assert.Contains(lines, d => d.Contains(PartyChanges.Reopened));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MAT_1_the_title_and_responsible_are_corrected_later_by_the_responsible_or_an_administrator_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var a = await host.CreateAsync(ClientBuilder.Company("Alfa SL"));
        var id = await host.MatterAsync("Colision", MatterData.Client(a));

        await Expect.FieldErrorAsync(async () => await host.Matters().UpdateDetailsAsync(id,
            new MatterDetailsForm { Title = "  ", ResponsibleUserId = TestActor.Admin.UserId! }, await host.MatterVersionAsync(id)), "Title", "Error.Required");
        await Expect.FieldErrorAsync(async () => await host.Matters().UpdateDetailsAsync(id,
            new MatterDetailsForm { Title = "Colisión", ResponsibleUserId = "ghost" }, await host.MatterVersionAsync(id)), "ResponsibleUserId", "Error.UserNotFound");
        host.Actor.Current = TestActor.Office; // an intervenant, not the responsible
        await Assert.ThrowsAsync<NotAllowedException>(async () => await host.Matters().UpdateDetailsAsync(id,
            new MatterDetailsForm { Title = "Colisión", ResponsibleUserId = TestActor.Office.UserId! }, await host.MatterVersionAsync(id)));
        Assert.Equal("Colision", (await host.DetailAsync(id)).Title);

        host.Actor.Current = TestActor.Admin;
        await host.Matters().UpdateDetailsAsync(id, new MatterDetailsForm { Title = " Colisión en el pantalán ", ResponsibleUserId = TestActor.Sales.UserId! }, await host.MatterVersionAsync(id));

        var detail = await host.DetailAsync(id);
        Assert.Equal(("Colisión en el pantalán", TestActor.Sales.UserId), (detail.Title, detail.ResponsibleUserId));
        Assert.Contains("Sylwia Sales", detail.Intervenants.Select(i => i.Name)); // the new responsible works on it
        var line = Assert.Single(await host.MatterReads().TimelineAsync(id), e => e.Kind == HistoryKind.MatterChanged);
        Assert.Contains(PartyChanges.DetailsChanged, line.Data);
    }
}
