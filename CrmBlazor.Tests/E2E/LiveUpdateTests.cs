using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.E2E;

/// <summary>Two browsers, two users: what one changes, the other sees without reload (DIR-8).</summary>
[Collection(AppCollection.Name)]
public class LiveUpdateTests(AppFixture fixture)
{
    [Fact]
    public async Task DIR_8_an_edit_in_one_browser_appears_in_the_other()
    {
        var id = await AnyCompanyAsync();
        var office = await fixture.SignInAsync("office@demo.local");
        var sales = await fixture.SignInAsync("sales@demo.local");
        await OpenAsync(office, id);
        await OpenAsync(sales, id);
        var newName = "Astillero Live " + Guid.NewGuid().ToString("N")[..6];

        await office.ClickAsync("#client-actions");
        await office.ClickAsync("#action-edit");
        await office.FillAsync("#field-companyname", newName);
        await office.ClickAsync("#client-save");

        await sales.Locator("#client-name").Filter(new() { HasText = newName }).WaitForAsync();
        await office.Context.CloseAsync();
        await sales.Context.CloseAsync();
    }

    [Fact]
    public async Task DIR_8_a_comment_and_a_new_client_appear_in_the_other_browser()
    {
        var id = await AnyCompanyAsync();
        var office = await fixture.SignInAsync("office@demo.local");
        var admin = await fixture.SignInAsync("admin@demo.local");
        await OpenAsync(office, id);
        await office.ClickAsync("text=History");
        var comment = "Called about the hull repair " + Guid.NewGuid().ToString("N")[..6];

        await OpenAsync(admin, id);
        await admin.ClickAsync("text=History");
        await admin.FillAsync("#history-comment", comment);
        await admin.ClickAsync("#history-comment-add");

        await office.Locator(".history-item").Filter(new() { HasText = comment }).WaitForAsync();

        // A new client shows up in a colleague's list (sorted to the top by its name).
        await office.GotoAsync("/companies");
        await Blazor.WaitForCircuitAsync(office);
        await admin.GotoAsync("/companies");
        await Blazor.WaitForCircuitAsync(admin);
        await admin.ClickAsync("#new-client");
        var name = "AAA Live Company " + Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#field-companyname", name);
        await admin.ClickAsync("#client-save");

        await office.Locator("#client-table tbody tr").Filter(new() { HasText = name }).WaitForAsync();
        await office.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    private static async Task OpenAsync(Microsoft.Playwright.IPage page, long id)
    {
        await page.GotoAsync($"/clients/{id}");
        await Blazor.WaitForCircuitAsync(page);
        await page.WaitForSelectorAsync("#client-name");
    }

    private async Task<long> AnyCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        return await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
            .OrderBy(c => c.Id).Select(c => c.Id).Skip(Random.Shared.Next(0, 50)).FirstAsync();
    }
}
