using Bunit;
using CrmBlazor.Commercial;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using CrmBlazor.Tests.Support.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Commercial;

/// <summary>The follow-up and deal dialogs show each broken rule on its field and save nothing (COM-1, COM-4, NF-3); the board (COM-4).</summary>
public class CommercialDialogTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.SalesTeamAsync();
    }

    private async Task<IRenderedComponent<MudProviders>> OpenAsync<TDialog>(DialogParameters<TDialog> parameters, string readyId) where TDialog : IComponent
    {
        var root = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<TDialog>("dialog", parameters));
        await root.WaitForAssertionAsync(() => Assert.NotEmpty(root.FindAll("#" + readyId)));
        return root;
    }

    private static Task SetAsync<T>(IRenderedComponent<MudProviders> root, string id, T value)
    {
        var field = root.FindComponents<MudBaseInput<T>>().First(c => c.Instance.UserAttributes.TryGetValue("id", out var v) && (string?)v == id);
        return field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task ClickAsync(IRenderedComponent<MudProviders> root, string id)
    {
        var button = FindMud<MudButton>(root, id);
        return button.InvokeAsync(() => button.Instance.OnClick.InvokeAsync(new()));
    }

    [Fact]
    public async Task COM_1_the_schedule_dialog_says_choose_a_salesperson_on_the_field_offers_only_assignable_users_and_saves_nothing_until_fixed()
    {
        var client = await CreateCompanyAsync();
        var root = await OpenAsync(new DialogParameters<FollowUpDialog> { { d => d.ClientId, client } }, "follow-up-notes");

        var offered = FindMud<MudSelect<string>>(root, "follow-up-assignee").FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal(["admin-1", "sales-1"], offered); // not the office user, not the removed salesperson

        await SetAsync(root, "follow-up-date", "2026-11-10"); // 16 days ago
        await ClickAsync(root, "follow-up-save");
        await root.WaitForAssertionAsync(() => Assert.Equal("Choose a salesperson", FieldMessage(root, "follow-up-assignee")));
        Assert.Equal("The date may be at most 7 days in the past.", FieldMessage(root, "follow-up-date"));
        await using (var db = Host.Db()) Assert.Equal(0, await db.FollowUps.CountAsync());

        await SelectAsync(root, "follow-up-assignee", "sales-1");
        await SetAsync(root, "follow-up-date", "2026-11-27");
        await SetAsync(root, "follow-up-time", "16:30");
        await SetAsync(root, "follow-up-notes", "Presupuesto de invernaje");
        await ClickAsync(root, "follow-up-save");
        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll("#follow-up-notes")));
        await using (var db = Host.Db())
        {
            var saved = await db.FollowUps.SingleAsync();
            Assert.Equal((new DateTime(2026, 11, 27, 15, 30, 0), "sales-1"), (saved.DueAt, saved.AssignedUserId));
        }
    }

    [Fact]
    public async Task COM_1_done_needs_an_outcome_next_to_the_field()
    {
        var client = await CreateCompanyAsync();
        var id = await Host.FollowUps().ScheduleAsync(client, CommercialData.Form(new DateOnly(2026, 11, 27), new TimeOnly(10, 0)));
        var row = (await Host.FollowUpReads().GetAsync(id))!;
        var root = await OpenAsync(new DialogParameters<FollowUpDoneDialog> { { d => d.Row, row } }, "follow-up-outcome");
        await ClickAsync(root, "follow-up-done-save");
        await root.WaitForAssertionAsync(() => Assert.Equal("Say what came of it.", FieldMessage(root, "follow-up-outcome")));
        Assert.False((await Host.FollowUpReads().GetAsync(id))!.IsDone);
    }

    [Fact]
    public async Task COM_4_the_deal_dialog_shows_every_broken_rule_on_its_field_and_saves_nothing()
    {
        var root = await OpenAsync(new DialogParameters<DealDialog>(), "deal-title");
        await SetAsync(root, "deal-amount", "12abc");
        await ClickAsync(root, "deal-save");
        await root.WaitForAssertionAsync(() => Assert.Equal("This field is required.", FieldMessage(root, "deal-title")));
        Assert.Equal("Not an amount: type digits with your decimal separator.", FieldMessage(root, "deal-amount"));
        Assert.Equal("Choose a salesperson", FieldMessage(root, "deal-owner"));
        Assert.Equal("This field is required.", FieldMessage(root, "client-picker"));
        await using var db = Host.Db();
        Assert.Equal(0, await db.Deals.CountAsync());
    }

    [Fact]
    public async Task COM_4_the_board_has_one_column_per_stage_with_its_count_and_totals_and_marks_inactive_clients()
    {
        var active = await CreateCompanyAsync("Astillero Norte SL");
        var inactive = await CreateCompanyAsync("Velas del Sur SL");
        await DeactivateAsync(inactive);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        await Host.Deals().CreateAsync(CommercialData.Deal(active, "1000", "Invernaje"), culture);
        await Host.Deals().CreateAsync(CommercialData.Deal(inactive, "250.50", "Antifouling"), culture);
        await Host.Deals().CreateAsync(CommercialData.Deal(active, "99", "Ganada", DealStage.Won), culture);

        var page = RenderWithProviders<DealsPage>();
        await page.WaitForAssertionAsync(() => Assert.Equal(6, page.FindAll(".deal-column").Count));
        var columns = page.FindAll(".deal-column");
        Assert.Equal(["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"],
            columns.Select(c => c.QuerySelector(".deal-column-title b")!.TextContent));
        Assert.Equal("(2)", columns[0].QuerySelector(".deal-column-count")!.TextContent);
        Assert.Equal("€1,250.50", columns[0].QuerySelector(".deal-column-total")!.TextContent.Trim());
        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll(".deal-column")[0].QuerySelectorAll(".deal-card").Length));
        Assert.Contains("Inactive", page.FindAll(".deal-column")[0].QuerySelectorAll(".deal-card").Single(c => c.TextContent.Contains("Antifouling")).TextContent);
        Assert.Contains("Ganada", page.FindAll(".deal-column")[4].TextContent);
    }
}
