using CrmBlazor.Tests.Support.App;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

[Collection(AppCollection.Name)]
public class UserAdminTests(AppFixture fixture)
{
    [Fact]
    public async Task NF_2_an_admin_invites_a_colleague_who_then_signs_in_with_the_first_password()
    {
        var admin = await fixture.SignInAsync("admin@demo.local");
        await admin.GotoAsync("/admin/users");
        await Blazor.WaitForCircuitAsync(admin);
        var email = $"new-{Guid.NewGuid():N}"[..12] + "@demo.local";

        await admin.ClickAsync("#user-invite");
        await admin.FillAsync("#user-email", email);
        await admin.FillAsync("#user-name", "Nina Nowa");
        await admin.FillAsync("#user-password", "short");
        await admin.ClickAsync("#user-save");
        await admin.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasText = "10 characters" }).WaitForAsync();

        await admin.FillAsync("#user-password", "a-long-first-password");
        await admin.ClickAsync("#user-save");
        await admin.Locator("#users-table tr").Filter(new() { HasText = email }).WaitForAsync();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, "a-long-first-password");
        await page.WaitForSelectorAsync("#list-title");
        Assert.Equal("Nina Nowa", await page.InnerTextAsync("#current-user"));

        await context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task NF_2_office_staff_neither_see_nor_open_user_management()
    {
        var office = await fixture.SignInAsync("office@demo.local");
        Assert.Equal(0, await office.Locator("a[href='/admin/users']").CountAsync());

        await office.GotoAsync("/admin/users");
        await Blazor.WaitForCircuitAsync(office);

        Assert.Contains("not allowed", await office.InnerTextAsync("#users-error"));
        Assert.Equal(0, await office.Locator("#users-table").CountAsync());
        await office.Context.CloseAsync();
    }
}
