using System.Globalization;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Lifecycle;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.Deploy;

/// <summary>
/// The deployment guide, followed on this machine: the published build started twice from its own folder as the
/// systemd unit starts it, on one new PostgreSQL database, behind Debian's nginx with the guide's site file, sending
/// to a real SMTP server. Browsers reach https://crm.example.com through nginx.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public SmtpTestServer Smtp { get; private set; } = default!;
    public NginxProxy Proxy { get; private set; } = default!;
    public AppInstance One { get; private set; } = default!;
    public AppInstance Two { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright _playwright = default!;

    /// <summary>Clients, documents and users right after both instances first started.</summary>
    public (int Clients, int Documents, int Users) RowsAtStart { get; private set; }

    /// <summary>A monthly subscription due today, made before either instance's first billing run.</summary>
    public long SubscriptionId { get; private set; }

    /// <summary>When both instances were ready; their first billing run follows <see cref="FirstBillingRun"/> later.</summary>
    public DateTime StartedAt { get; private set; }

    public static readonly TimeSpan FirstBillingRun = TimeSpan.FromSeconds(30);

    public string AdminEmail => Guide["Setup__AdminEmail"];
    public string AdminPassword => Guide["Setup__AdminPassword"];
    private static Dictionary<string, string> Guide => DeploymentGuide.InstanceEnvironment("1");

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateEmptyPostgresAsync();
        Smtp = await SmtpTestServer.StartAsync();
        Proxy = NginxProxy.Prepare();
        var folder = await PublishedBuild.FolderAsync();
        var (port1, port2) = (SmtpTestServer.FreePort(), SmtpTestServer.FreePort());
        One = new AppInstance("1", folder, port1, Environment("1", port1));
        Two = new AppInstance("2", folder, port2, Environment("2", port2));
        // Both start at the same moment on the empty database, as two units do after a reboot.
        await Task.WhenAll(One.StartAsync(), Two.StartAsync());
        StartedAt = DateTime.UtcNow;
        await using (var db = Database.Factory.CreateDbContext())
            RowsAtStart = (await db.Clients.CountAsync(), await db.Documents.CountAsync(), await db.Users.CountAsync());
        // Due today: both instances' billing runs will find it at their first run, at about the same moment.
        await using (var host = DomainHost.Attach(Database))
        {
            host.Actor.Current = TestActor.Office;
            SubscriptionId = await host.SubscribeAsync(await host.CreateAsync(ClientBuilder.Company()));
        }
        await Proxy.StartAsync(One.Port, Two.Port);
        (_playwright, Browser) = await App.Browser.LaunchAsync($"--host-resolver-rules=MAP {NginxProxy.HostName} 127.0.0.1");
    }

    /// <summary>A browser that nginx routes to <paramref name="instance"/> (the cookie the instance itself would set).</summary>
    public async Task<IPage> PageOnAsync(string instance)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Proxy.BaseUrl, IgnoreHTTPSErrors = true, Locale = "en-GB" });
        await context.AddCookiesAsync([new Cookie { Name = "crm_route", Value = instance, Domain = NginxProxy.HostName, Path = "/" }]);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInOnAsync(string instance)
    {
        var page = await PageOnAsync(instance);
        await page.GotoAsync("/account/login");
        await new LoginPage(page).SignInAsync(AdminEmail, AdminPassword);
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Which instance a browser is on: each instance writes its own name into crm_route when it differs.</summary>
    public static async Task<string?> RouteAsync(IPage page) =>
        (await page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == "crm_route")?.Value;

    private Dictionary<string, string> Environment(string instance, int port)
    {
        var environment = DeploymentGuide.InstanceEnvironment(instance);
        // What differs on a test machine: addresses, the test database and mail server, the browser's path.
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["Database__ConnectionString"] = Database.Options.ConnectionString;
        environment["Sending__PublicBaseUrl"] = Proxy.BaseUrl;
        environment["Mail__Smtp__Host"] = "127.0.0.1";
        environment["Mail__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        environment["Mail__Smtp__Security"] = "None";
        environment["Mail__Smtp__User"] = "";
        environment["Mail__Smtp__Password"] = "";
        // Mail queued behind the instances' backs (by the test) is found by their poll, not a wake-up.
        environment["Mail__PollInterval"] = "00:00:01";
        environment["Mail__BatchSize"] = "10";
        environment["Pdf__ChromiumPath"] = App.Browser.ExecutablePath;
        environment["Subscriptions__FirstRunDelaySeconds"] = FirstBillingRun.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    public async Task DisposeAsync()
    {
        // Whatever InitializeAsync got to before a failure.
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (One is not null) await One.DisposeAsync();
        if (Two is not null) await Two.DisposeAsync();
        if (Smtp is not null) await Smtp.DisposeAsync();
        if (Database is not null) await Database.DisposeAsync();
    }
}
