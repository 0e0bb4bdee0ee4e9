using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>
/// The published CrmBlazor in its own process, in Production on a SQLite file with the demo data (300 companies),
/// for live-page benchmarks; one signed-in session shared by every tab.
/// </summary>
public sealed class LiveBenchApp : IAsyncDisposable
{
    private const string Email = "bench@crm.test";
    private const string Password = "bench-password-2026";
    private readonly string _folder;
    private IReadOnlyList<Cookie>? _session;
    private long? _client;

    private LiveBenchApp(Deploy.AppInstance instance, string folder)
    {
        Instance = instance;
        _folder = folder;
    }

    public Deploy.AppInstance Instance { get; }

    public static async Task<LiveBenchApp> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmblazor-bench", $"live-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = Mail.SmtpTestServer.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "crm.db")}",
            ["Demo__SeedOnFirstStart"] = "true",
            ["Setup__AdminEmail"] = Email,
            ["Setup__AdminPassword"] = Password,
            ["Sending__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Mail__PickupFolder"] = Path.Combine(folder, "mail"),
            ["Pdf__ChromiumPath"] = App.Browser.ExecutablePath,
            ["Pdf__WarmUpAtStart"] = "false",
            ["Reminders__SchedulerEnabled"] = "false",
            ["Subscriptions__SchedulerEnabled"] = "false",
        };
        var instance = new Deploy.AppInstance("bench", await Deploy.PublishedBuild.FolderAsync(), port, environment);
        await instance.StartAsync();
        return new LiveBenchApp(instance, folder);
    }

    public async Task<IPage> SignedInPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Instance.Url, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        if (_session is null)
        {
            await page.GotoAsync("/account/login");
            await new App.LoginPage(page).SignInAsync(Email, Password);
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            _session = (await context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }).ToList();
        }
        else
        {
            await context.AddCookiesAsync(_session);
        }
        return page;
    }

    /// <summary>Watchers on the company list; the writer renames the first company of its first page (keeping it first).</summary>
    public Task<LiveScenario> ListScenarioAsync(IBrowser browser) => Task.FromResult(
        new LiveScenario("/companies", () => WriterAsync(browser), () => SignedInPageAsync(browser), PrepareRenameAsync, SaveAsync, SavedAsync, ".client-name"));

    /// <summary>Watchers on that company's own page.</summary>
    public async Task<LiveScenario> ClientPageScenarioAsync(IBrowser browser) =>
        new($"/clients/{await FirstCompanyAsync(browser)}", () => WriterAsync(browser), () => SignedInPageAsync(browser), PrepareRenameAsync, SaveAsync, SavedAsync, "#client-name");

    private async Task<long> FirstCompanyAsync(IBrowser browser)
    {
        if (_client is { } known) return known;
        var page = await SignedInPageAsync(browser);
        await page.GotoAsync("/companies");
        var href = await page.Locator("#client-table .client-name").First.GetAttributeAsync("href") ?? "";
        await page.Context.CloseAsync();
        var id = long.Parse(href[(href.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        _client = id;
        return id;
    }

    private async Task<IPage> WriterAsync(IBrowser browser)
    {
        var id = await FirstCompanyAsync(browser);
        var page = await SignedInPageAsync(browser);
        await page.GotoAsync($"/clients/{id}");
        await App.Blazor.WaitForCircuitAsync(page);
        return page;
    }

    private static async Task PrepareRenameAsync(IPage writer, string name)
    {
        await writer.ClickAsync("#client-actions");
        await writer.ClickAsync("#action-edit");
        await writer.FillAsync("#field-companyname", "AAA " + name);
        await writer.Locator("#field-companyname").BlurAsync();
    }

    private static Task<double> SaveAsync(IPage writer) =>
        writer.EvaluateAsync<double>("() => { document.querySelector('#client-save').click(); return performance.timeOrigin + performance.now(); }");

    private static Task SavedAsync(IPage writer) =>
        writer.Locator("#client-save").WaitForAsync(new() { State = WaitForSelectorState.Detached });

    public async ValueTask DisposeAsync()
    {
        await Instance.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
