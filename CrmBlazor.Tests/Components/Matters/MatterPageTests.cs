using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Matters;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Matters;

/// <summary>The matter page (MAT-3, MAT-4, MAT-2 live), the "Edit parties" dialog and the creation stepper (MAT-1), the client's Matters tab.</summary>
public class MatterPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.StaffUsersAsync();
    }

    private IRenderedComponent<MatterDetailPage> RenderMatter(long id)
    {
        Nav.NavigateTo($"/matters/{id}");
        return RenderWithProviders<MatterDetailPage>(p => p.Add(x => x.Id, id));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MatterDetailPage> cut, long clientId) =>
        cut.Find($"#parties-table tr[data-client='{clientId}']");

    [Fact]
    public async Task MAT_3_an_inactive_client_is_greyed_out_with_an_Inactive_label()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Marina Azul SL");
        var id = await Host.MatterAsync("Collision", MatterData.Client(a), MatterData.Client(b, active: false));

        var cut = RenderMatter(id);

        await cut.WaitForAssertionAsync(() => Assert.Equal("Collision", cut.Find("#matter-title").TextContent));
        Assert.Contains("party-inactive", Row(cut, b).ClassList);
        Assert.Equal("Inactive", Row(cut, b).QuerySelector(".party-inactive-label")!.TextContent.Trim());
        Assert.DoesNotContain("party-inactive", Row(cut, a).ClassList);
        Assert.Null(Row(cut, a).QuerySelector(".party-inactive-label"));
        Assert.Empty(cut.FindAll(".matter-blocked"));
        // The activities panel sits on the page, its buttons enabled on a matter with an active client.
        await cut.WaitForAssertionAsync(() => Assert.Null(cut.Find("#activities-new").GetAttribute("disabled")));
    }

    [Fact]
    public async Task MAT_4_the_toggle_of_a_client_with_unbilled_activities_warns_on_hover()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Marina Azul SL");
        var id = await Host.MatterAsync("Collision", MatterData.Client(a), MatterData.Client(b));
        await Host.ActivityAsync(id, a);
        await Host.ActivityAsync(id, a);

        var cut = RenderMatter(id);

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll("#parties-table .party-row").Count));
        var warnings = cut.FindComponents<PartyActiveToggle>().Where(t => t.Instance.UnbilledActivities > 0)
            .Select(t => t.FindComponent<MudTooltip>().Instance.Text).ToList();
        Assert.Equal(["Warning: the matter holds unbilled activities of this client (2)."], warnings);
        Assert.Single(cut.FindComponents<PartyActiveToggle>(), t => t.FindComponents<MudTooltip>().Count == 0);
    }

    [Fact]
    public async Task MAT_2_a_toggle_in_one_session_reaches_another_sessions_open_page_and_MAT_5_shows_blocked()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var id = await Host.MatterAsync("Mono", MatterData.Client(a, shared: true));
        var cut = RenderMatter(id);
        await cut.WaitForAssertionAsync(() => Assert.DoesNotContain("party-inactive", Row(cut, a).ClassList));

        var colleague = AsColleague<MatterPartyService>();
        await colleague.SetActiveAsync(id, a, false, await Host.MatterVersionAsync(id));

        await cut.WaitForAssertionAsync(() => Assert.Contains("party-inactive", Row(cut, a).ClassList));
        Assert.NotNull(cut.Find("#matter-blocked-banner"));
        Assert.Equal("Blocked", cut.Find(".matter-blocked").TextContent.Trim());
        Assert.Contains("Portal sharing switched off", cut.Find("#matter-timeline").TextContent);
    }

    [Fact]
    public async Task MAT_2_the_toggle_on_the_page_makes_the_client_inactive_on_this_matter()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Marina Azul SL");
        var id = await Host.MatterAsync("Two", MatterData.Client(a), MatterData.Client(b));
        var cut = RenderMatter(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll(".party-row").Count));

        var toggle = cut.FindComponents<PartyActiveToggle>().First(t => t.Instance.IsClient).FindComponent<MudSwitch<bool>>();
        await toggle.InvokeAsync(() => toggle.Instance.ValueChanged.InvokeAsync(false));

        await cut.WaitForAssertionAsync(() => Assert.Contains("party-inactive", Row(cut, a).ClassList));
        Assert.False((await Host.DetailAsync(id)).Parties.Single(p => p.ClientId == a).IsActive);
    }

    [Fact]
    public async Task MAT_1_edit_details_in_the_menu_corrects_the_title_says_what_is_wrong_next_to_the_field_and_the_page_follows()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var id = await Host.MatterAsync("Colision", MatterData.Client(a));
        var cut = RenderMatter(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Colision", cut.Find("#matter-title").TextContent));

        await cut.Find("#matter-actions button").ClickAsync(new());
        _ = Root.Find("#action-edit-details").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal("Colision", Root.Find("#matter-details-title").GetAttribute("value")));
        await Root.Find("#matter-details-title").ChangeAsync(new() { Value = "   " });
        await Root.Find("#matter-details-save").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.NotEmpty(FieldMessage(Root, "matter-details-title")));
        Assert.Equal("Colision", (await Host.DetailAsync(id)).Title);

        await Root.Find("#matter-details-title").ChangeAsync(new() { Value = "Colisión en el pantalán" });
        await Root.Find("#matter-details-save").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal("Colisión en el pantalán", cut.Find("#matter-title").TextContent));
        Assert.Empty(Root.FindAll("#matter-details-save"));
    }

    [Fact]
    public async Task MAT_1_the_edit_parties_dialog_toggles_and_removes_parties_and_refuses_to_leave_no_client()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Marina Azul SL");
        var third = await CreateCompanyAsync("Perito Naval SL");
        var id = await Host.MatterAsync("Edit", MatterData.Client(a), MatterData.Client(b), new PartyInput(third, PartyRole.Third));
        var cut = RenderMatter(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, cut.FindAll(".party-row").Count));

        await cut.Find("#matter-edit-parties").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal(3, Root.FindAll("#parties-editor .party-edit-row").Count));
        var editor = Root.FindComponent<EditPartiesDialog>();
        // Deactivate b, remove the third party.
        var bSwitch = editor.FindComponents<PartyActiveToggle>()[1].FindComponent<MudSwitch<bool>>();
        await bSwitch.InvokeAsync(() => bSwitch.Instance.ValueChanged.InvokeAsync(false));
        await Root.FindAll("#parties-editor .party-remove")[2].ClickAsync(new());
        await Root.Find("#edit-parties-save").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll(".party-row").Count));
        Assert.Contains("party-inactive", Row(cut, b).ClassList);
        Assert.Equal([(a, true), (b, false)], (await Host.DetailAsync(id)).Parties.Select(p => (p.ClientId, p.IsActive)));

        // Removing both clients: the dialog says why and nothing changes.
        await cut.Find("#matter-edit-parties").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal(2, Root.FindAll("#parties-editor .party-edit-row").Count));
        await Root.FindAll("#parties-editor .party-remove")[1].ClickAsync(new());
        await Root.FindAll("#parties-editor .party-remove")[0].ClickAsync(new());
        await Root.Find("#edit-parties-save").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal("A matter needs at least one party with the role Client.", Root.Find("#parties-error").TextContent.Trim()));
        Assert.Equal(2, (await Host.DetailAsync(id)).Parties.Count);
    }

    [Fact]
    public async Task MAT_1_the_stepper_asks_details_then_parties_then_intervenants_and_creates_the_matter()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        Nav.NavigateTo("/matters/new");
        var cut = RenderWithProviders<MatterNewPage>();
        await cut.WaitForAssertionAsync(() => Assert.NotEmpty(cut.FindAll("#matter-title")));

        await cut.Find("#matter-next").ClickAsync(new());
        Assert.Equal("This field is required.", FieldMessage(cut, "matter-title"));
        cut.Find("#matter-title").Change("Hull damage at the marina");
        await cut.Find("#matter-next").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#parties-none")));
        Assert.Contains("matter-step-current", cut.FindAll(".matter-step")[1].ClassList);

        await cut.Find("#matter-next").ClickAsync(new());
        Assert.Equal("A matter needs at least one party with the role Client.", cut.Find("#parties-error").TextContent.Trim());
        var picker = cut.FindComponent<MudAutocomplete<ClientOption>>();
        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new ClientOption(a, CrmBlazor.Domain.Clients.ClientKind.Company, "Astillero Norte SL", "Bilbao", CrmBlazor.Domain.Clients.ClientStatus.Active)));
        await cut.Find("#party-add").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => Assert.Single(cut.FindAll("#parties-editor .party-edit-row")));
        await cut.Find("#matter-next").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal(3, cut.FindAll(".matter-intervenant").Count));
        await cut.Find("#matter-create").ClickAsync(new());

        await using var db = Host.Db();
        var matter = await db.Matters.Include(m => m.Parties).Include(m => m.Intervenants).SingleAsync();
        Assert.Equal(("2026-0001", "Hull damage at the marina", TestActor.Admin.UserId), (matter.Number, matter.Title, matter.ResponsibleUserId));
        Assert.Equal([(a, PartyRole.Client, true)], matter.Parties.Select(p => (p.ClientId, p.Role, p.IsActive)));
        Assert.EndsWith($"/matters/{matter.Id}", Nav.Uri);
    }

    [Fact]
    public async Task MAT_2_the_clients_matters_tab_lists_its_matters_with_its_flag_on_each()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Marina Azul SL");
        await Host.MatterAsync("Active here", MatterData.Client(a));
        await Host.MatterAsync("Inactive here", MatterData.Client(a, active: false), MatterData.Client(b));

        var cut = RenderWithProviders<ClientMattersTab>(p => p.Add(x => x.ClientId, a));

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindAll(".client-matter-row").Count));
        var rows = cut.FindAll(".client-matter-row");
        Assert.Contains("Inactive here", rows[0].TextContent);
        Assert.Equal("Inactive", rows[0].QuerySelector(".client-matter-flag")!.TextContent.Trim());
        Assert.Contains("party-inactive", rows[0].ClassList);
        Assert.Equal("Active", rows[1].QuerySelector(".client-matter-flag")!.TextContent.Trim());
    }
}
