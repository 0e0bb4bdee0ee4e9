using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// Follow-ups and deals in real browsers (COM-2, COM-3, COM-4): an office user assigns, the salesperson is told live on another
/// page; a deal dragged on the board stays moved. Keeps the screenshots of the new screens.
/// </summary>
[Collection(AppCollection.Name)]
public class CommercialTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task COM_2_a_follow_up_assigned_by_the_office_reaches_the_salesperson_live_then_COM_3_done_with_an_outcome_is_in_the_history()
    {
        Directory.CreateDirectory(Folder);
        var (clientId, clientName) = await ActiveCompanyAsync();
        var sales = await fixture.SignInAsync("sales@demo.local");
        var badge = sales.Locator("#nav-follow-ups-badge");
        var before = await badge.CountAsync() == 0 ? 0 : int.Parse(await badge.InnerTextAsync());

        var office = await fixture.SignInAsync("office@demo.local");
        await office.GotoAsync($"/clients/{clientId}");
        await Blazor.WaitForCircuitAsync(office);
        await office.ClickAsync(".mud-tab:has-text('Commercial')");
        await office.ClickAsync("#follow-up-schedule");
        await office.Locator(".mud-select:not(.mud-input-control):has(#follow-up-assignee)").ClickAsync();
        await office.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Sylwia Sales" }).ClickAsync();
        // Yesterday on the organisation's clock: overdue, so it counts in the badge whatever the hour the test runs.
        var time = fixture.App.Services.GetRequiredService<CommercialTime>();
        await office.FillAsync("#follow-up-date", time.Today.AddDays(-1).ToString("yyyy-MM-dd"));
        await office.FillAsync("#follow-up-time", "10:15");
        await office.FillAsync("#follow-up-notes", "Call about the winter storage quote");
        await Assertions.Expect(office.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await office.Mouse.MoveAsync(0, 0);
        await office.WaitForTimeoutAsync(400); // the select's closing animation
        await ShotAsync(office, "follow-up-dialog");
        await office.ClickAsync("#follow-up-save");
        await Assertions.Expect(office.Locator("#client-follow-ups-open .follow-up-row", new() { HasTextString = "winter storage" })).ToBeVisibleAsync();
        await office.Mouse.MoveAsync(0, 0);
        await ShotAsync(office, "commercial-tab");

        // The salesperson is on the company list: the message and the badge come without a reload.
        await Assertions.Expect(sales.Locator(".follow-up-assigned")).ToContainTextAsync($"New follow-up assigned to you: Call {clientName}");
        await Assertions.Expect(badge).ToHaveTextAsync((before + 1).ToString());
        Assert.EndsWith("/companies", sales.Url);

        await sales.Locator(".mud-snackbar").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await sales.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await sales.ClickAsync("#nav-follow-ups");
        var row = sales.Locator("#follow-ups-overdue .follow-up-row", new() { HasTextString = "winter storage" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator(".follow-up-overdue")).ToHaveTextAsync("Overdue");
        await sales.Mouse.MoveAsync(0, 0);
        await ShotAsync(sales, "my-follow-ups");
        await row.Locator(".follow-up-done").ClickAsync();
        await sales.FillAsync("#follow-up-outcome", "Agreed: storage from 1 December");
        await sales.ClickAsync("#follow-up-done-save");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        if (before > 0) await Assertions.Expect(badge).ToHaveTextAsync(before.ToString());
        else await Assertions.Expect(badge).ToHaveCountAsync(0);

        // The office's open tab follows live; the History says what came of it (COM-3).
        await Assertions.Expect(office.Locator("#client-follow-ups-done .follow-up-row", new() { HasTextString = "Agreed: storage from 1 December" })).ToBeVisibleAsync();
        await office.ClickAsync(".mud-tab:has-text('History')");
        await Assertions.Expect(office.Locator("body")).ToContainTextAsync("Follow-up done");
        await Assertions.Expect(office.Locator("body")).ToContainTextAsync("Outcome: Agreed: storage from 1 December");
        await office.Context.CloseAsync();
        await sales.Context.CloseAsync();
    }

    [Fact]
    public async Task COM_4_a_deal_dragged_to_another_column_is_moved_and_stays_there_after_a_reload()
    {
        Directory.CreateDirectory(Folder);
        var page = await fixture.SignInAsync();
        await page.ClickAsync("#nav-deals");
        await Assertions.Expect(page.Locator("#deals-title")).ToHaveTextAsync("Deals");
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator(".deal-column")).ToHaveCountAsync(6);
        var lead = page.Locator(".deal-column[data-stage='Lead']");
        var qualified = page.Locator(".deal-column[data-stage='Qualified']");
        var card = lead.Locator(".deal-card").First;
        await Assertions.Expect(card).ToBeVisibleAsync();
        var id = await card.GetAttributeAsync("data-id");
        await ShotAsync(page, "deals-board");

        var colleague = await fixture.SignInAsync("sales@demo.local");
        await colleague.GotoAsync("/deals");
        await Blazor.WaitForCircuitAsync(colleague);
        await Assertions.Expect(colleague.Locator($".deal-column[data-stage='Lead'] .deal-card[data-id='{id}']")).ToBeVisibleAsync();

        await card.DragToAsync(qualified.Locator(".deal-zone"));
        await Assertions.Expect(qualified.Locator($".deal-card[data-id='{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(colleague.Locator($".deal-column[data-stage='Qualified'] .deal-card[data-id='{id}']")).ToBeVisibleAsync(); // live
        await page.ReloadAsync();
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator($".deal-column[data-stage='Qualified'] .deal-card[data-id='{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".deal-column[data-stage='Lead'] .deal-card[data-id='{id}']")).ToHaveCountAsync(0);
        await using (var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext())
            Assert.Equal(DealStage.Qualified, await db.Deals.Where(d => d.Id == long.Parse(id!)).Select(d => d.Stage).SingleAsync());

        await page.ClickAsync("#deals-view button:has-text('List')");
        await Assertions.Expect(page.Locator("#deals-table .deal-row").First).ToBeVisibleAsync();
        await page.ClickAsync("#deals-sort-amount");
        await Assertions.Expect(page.Locator("#deals-sort-amount")).ToContainTextAsync("▲");
        await ShotAsync(page, "deals-list");
        await colleague.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task COM_1_a_removed_user_cannot_sign_in_and_is_marked_on_the_users_page()
    {
        var email = $"leaver-{Guid.NewGuid():N}"[..14] + "@demo.local";
        var admin = ActivatorUtilities.CreateInstance<CrmBlazor.Domain.Users.UserAdminService>(fixture.App.Services, CrmBlazor.Domain.Common.SystemCurrentActor.Instance);
        var id = await admin.InviteAsync(new CrmBlazor.Domain.Users.NewUser(email, "Leo Leaver", CrmBlazor.Domain.Users.StaffRoles.Sales, CrmBlazor.Domain.Users.ProfileRights.None, Hosting.StartupTasks.DemoPassword));

        var page = await fixture.SignInAsync();
        await page.GotoAsync("/admin/users");
        await Blazor.WaitForCircuitAsync(page);
        var row = page.Locator("#users-table tr", new() { HasTextString = email });
        await row.Locator(".user-remove").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove user" }).ClickAsync();
        await Assertions.Expect(row.Locator(".user-removed")).ToHaveTextAsync("Removed");
        await page.Context.CloseAsync();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });
        var leaver = await context.NewPageAsync();
        var login = new LoginPage(leaver);
        await login.OpenAsync();
        await login.SignInAsync(email, Hosting.StartupTasks.DemoPassword);
        await Assertions.Expect(login.Error).ToBeVisibleAsync();
        Assert.Contains("/account/login", leaver.Url);
        await context.CloseAsync();

        await admin.RestoreAsync(id);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private async Task<(long Id, string Name)> ActiveCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var c = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
            .OrderBy(c => c.Id).Skip(7).Select(c => new { c.Id, c.Name }).FirstAsync();
        return (c.Id, c.Name);
    }
}
