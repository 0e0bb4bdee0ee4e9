using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// The real app on the in-memory test server over a test database of either provider, with a clock the
/// test moves, for the public pages' HTTP behaviour. Each client says which address it comes from
/// (the "X-Test-Client" header), so the per-address miss limit can be tested without tests tripping it.
/// </summary>
public sealed partial class PublicWebApp : WebApplicationFactory<Program>
{
    public const int MissLimit = 60;
    private readonly TestDatabase _database;

    private PublicWebApp(TestDatabase database) => _database = database;

    public TestClock Clock { get; } = new();
    public DatabaseProvider Provider => _database.Provider;

    public static async Task<PublicWebApp> StartAsync(DatabaseProvider provider)
    {
        var app = new PublicWebApp(await TestDatabase.CreateAsync(provider));
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstStart", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Pdf:ChromiumPath", Browser.ExecutablePath);
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
        builder.UseSetting("PublicPages:MissLimit", MissLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    /// <summary>A browser-like client (cookies kept, redirects not followed) coming from <paramref name="address"/>.</summary>
    public HttpClient Visitor(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        return client;
    }

    /// <summary>A domain service acting as an administrator, as the staff UI would call it.</summary>
    public T AsStaff<T>() => ActivatorUtilities.CreateInstance<T>(Services, (ICurrentActor)new TestActor());

    public CrmDbContext Db() => Services.GetRequiredService<CrmDbContextFactory>().CreateDbContext();

    /// <summary>An issued document of a new company, in Spanish unless told otherwise, and a public link to it.</summary>
    public async Task<(long Id, string Token)> IssuedWithLinkAsync(DocumentType type, Action<DocumentForm>? change = null)
    {
        var client = await AsStaff<ClientService>().CreateAsync(ClientBuilder.Company());
        var rates = await AsStaff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var form = new DocumentForm
        {
            Type = type, ClientId = client, Language = "es", Currency = "EUR", IssueDate = today,
            DueDate = type.HasDueDate() ? today.AddDays(30) : null, ValidUntil = type.HasValidUntil() ? today.AddDays(30) : null,
            Lines = [new LineInput { Description = "Reparación del casco", Quantity = 2, Unit = "h", UnitPriceMinor = 45_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") }],
        };
        change?.Invoke(form);
        var documents = AsStaff<DocumentService>();
        var id = await documents.CreateDraftAsync(form);
        await documents.IssueAsync(id);
        var url = (await AsStaff<PublicLinkService>().CreateAsync(id, "cliente@example.es")).Url;
        return (id, url[(url.LastIndexOf('/') + 1)..]);
    }

    public async Task<PublicFootprint> FootprintAsync()
    {
        await using var db = Db();
        var documents = db.Documents.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}:{d.Version}:{d.ViewedAt}:{d.RespondedAt}").ToList();
        return new PublicFootprint(db.PublicLinks.Sum(l => l.Views), db.History.Count(), db.PublicLinkViews.Count(), string.Join(";", documents));
    }

    /// <summary>The antiforgery field of a public page's forms, as a browser would post it back.</summary>
    public static KeyValuePair<string, string> Antiforgery(string html)
    {
        var m = AntiforgeryInput().Match(html);
        Assert.True(m.Success, "no antiforgery field on the page");
        return new(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)" />""")]
    private static partial Regex AntiforgeryInput();
}

/// <summary>One app per database provider, started on first use and shared by a test class.</summary>
public sealed class PublicWebFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, PublicWebApp> _apps = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _addresses;

    public async Task<PublicWebApp> AppAsync(DatabaseProvider provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_apps.TryGetValue(provider, out var app)) _apps[provider] = app = await PublicWebApp.StartAsync(provider);
            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A client address no other test uses, so misses of one test never limit another.</summary>
    public string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.18.{n / 250}.{n % 250 + 1}";
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values) await app.DisposeAsync();
    }
}
