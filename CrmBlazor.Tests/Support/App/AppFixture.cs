using CrmBlazor.Hosting;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// One running app with demo data and one browser, shared by the end-to-end tests of a collection.
/// Each test opens its own browser contexts (separate cookies: separate users).
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const int Companies = 120;
    public const int Persons = 150;

    private IPlaywright? _playwright;

    public CrmAppFactory App { get; } = new(Companies, Persons);
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        App.Start();
        (_playwright, Browser) = await Support.App.Browser.LaunchAsync();
    }

    /// <summary>A new browser context signed in as one of the demo users, on a phone-sized or desktop viewport.</summary>
    public async Task<IPage> SignInAsync(string email = "admin@demo.local", string language = "en", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = viewport ?? new ViewportSize { Width = 1400, Height = 900 },
            Locale = language,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.SignInAsync(email, StartupTasks.DemoPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        if (language != "en") await page.GotoAsync($"/culture/set?lang={language}&redirect=/companies");
        await page.WaitForSelectorAsync("#list-title");
        await Blazor.WaitForCircuitAsync(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}
