using CrmBlazor.Hosting;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// One running app with demo data and one browser, shared by the end-to-end tests of a collection.
/// Each test opens its own browser contexts (separate cookies: separate users).
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppFixture() : this(120, 150) { }

    protected AppFixture(int companies, int persons) : this(new CrmAppFactory(companies, persons)) { }

    protected AppFixture(CrmAppFactory app) => App = app;

    public CrmAppFactory App { get; }
    public IBrowser Browser { get; private set; } = default!;

    public virtual async Task InitializeAsync()
    {
        App.Start();
        // Expectations poll; on a busy 2-core CI machine a live update can take longer than the default 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        (_playwright, Browser) = await Support.App.Browser.LaunchAsync();
    }

    /// <summary>A new browser context signed in as one of the demo users, on a phone-sized or desktop viewport.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A client's phone: its own browser context, nobody signed in, 390×844 with touch.</summary>
    public async Task<IPage> PhoneAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl, ViewportSize = Phone, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = locale,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

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
        // Always set it: the choice is kept on the user's profile, and another test may have changed it.
        await page.GotoAsync($"/culture/set?lang={language}&redirect=/companies");
        await page.WaitForSelectorAsync("#list-title");
        await Blazor.WaitForCircuitAsync(page);
        return page;
    }

    public virtual async Task DisposeAsync()
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

/// <summary>More rows than any page may read (1,200 companies), for the row guard.</summary>
public sealed class LargeAppFixture : AppFixture
{
    public LargeAppFixture() : base(1_200, 300) { }
}

[CollectionDefinition(Name)]
public sealed class LargeAppCollection : ICollectionFixture<LargeAppFixture>
{
    public const string Name = "large-app";
}
