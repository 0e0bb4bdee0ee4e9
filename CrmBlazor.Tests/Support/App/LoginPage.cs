using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.App;

/// <summary>Page object of the staff sign-in form.</summary>
public sealed class LoginPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/account/login");

    public async Task SignInAsync(string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    public ILocator Error => page.Locator(".login-error");
}

/// <summary>Waits until the interactive circuit is up: before that, clicks on server-side handlers do nothing.</summary>
public static class Blazor
{
    public static Task WaitForCircuitAsync(IPage page) =>
        page.WaitForSelectorAsync("#circuit-ready", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
}
