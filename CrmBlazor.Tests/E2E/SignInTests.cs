using CrmBlazor.Domain.Users;
using CrmBlazor.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using CrmBlazor.Tests.Support.App;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

[Collection(AppCollection.Name)]
public class SignInTests(AppFixture fixture)
{
    [Fact]
    public async Task NF_2_staff_sign_in_and_reach_the_directory()
    {
        var page = await fixture.SignInAsync("office@demo.local");

        Assert.Equal("Olivier Office", await page.InnerTextAsync("#current-user"));
        Assert.EndsWith("/companies", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NF_2_pages_need_a_signed_in_user()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/persons");

        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("returnurl=%2fpersons", page.Url.ToLowerInvariant());
        await context.CloseAsync();
    }

    [Fact]
    public async Task NF_2_five_wrong_passwords_lock_the_account()
    {
        var email = await CreateUserAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);

        for (var i = 0; i < 5; i++)
        {
            await login.OpenAsync();
            await login.SignInAsync(email, "wrong-password-" + i);
        }
        Assert.Contains("locked", await login.Error.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        // Even the right password is refused while the lockout lasts.
        await login.OpenAsync();
        await login.SignInAsync(email, StartupTasks.DemoPassword);
        Assert.Contains("locked", await login.Error.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"locked-{Guid.NewGuid():N}@demo.local";
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Lucas Locked" };
        Assert.True((await users.CreateAsync(user, StartupTasks.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffRoles.Sales)).Succeeded);
        return email;
    }
}
