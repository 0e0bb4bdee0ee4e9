using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// One instance of the real app on the in-memory test server, over a test database it does not own (two instances
/// may share one), with extra settings. Each client says which address its connection comes from ("X-Test-Client"),
/// the address a reverse proxy in front of the app would have.
/// </summary>
public sealed class EdgeWebApp(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const int MissLimit = 3;
    public const string TrustedProxy = "10.0.0.5";
    public const string TrustedNetwork = "10.1.0.0/16";

    /// <summary>The settings of a deployment behind a proxy at <see cref="TrustedProxy"/> or in <see cref="TrustedNetwork"/>.</summary>
    public static Dictionary<string, string> BehindProxy() => new()
    {
        ["ReverseProxy:KnownProxies:0"] = TrustedProxy,
        ["ReverseProxy:KnownNetworks:0"] = TrustedNetwork,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // the demo staff users exist with StartupTasks.DemoPassword
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.Options.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstStart", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Pdf:ChromiumPath", Browser.ExecutablePath);
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
        builder.UseSetting("Reminders:SchedulerEnabled", "false");
        builder.UseSetting("Subscriptions:SchedulerEnabled", "false");
        builder.UseSetting("PublicPages:MissLimit", MissLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    /// <summary>A client whose connection comes from <paramref name="address"/>; redirects not followed, cookies left to the test.</summary>
    public HttpClient Connection(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }
}
