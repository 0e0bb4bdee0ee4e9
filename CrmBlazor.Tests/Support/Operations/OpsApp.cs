using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Tests.Support.Operations;

/// <summary>
/// The real app on the in-memory test server, in the environment a test names (Production by default), over a test
/// database of either provider, with the test's clock and every log line captured. The outbox sender does not run
/// unless asked, so mail queued by a test stays waiting.
/// </summary>
public sealed class OpsApp : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly bool _sender;

    private OpsApp(TestDatabase database, string environment, IReadOnlyDictionary<string, string> settings, bool sender)
    {
        Database = database;
        _environment = environment;
        _settings = settings;
        _sender = sender;
    }

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new();
    public LogCapture Logs { get; } = new();

    /// <param name="database">An existing test database (the app takes it over); null: a new one.</param>
    public static async Task<OpsApp> StartAsync(DatabaseProvider provider, string environment = "Production",
        IReadOnlyDictionary<string, string>? settings = null, TestDatabase? database = null, bool sender = false)
    {
        var app = new OpsApp(database ?? await TestDatabase.CreateAsync(provider), environment, settings ?? new Dictionary<string, string>(), sender);
        app.StartServer();
        return app;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public CrmDbContext Db() => Get<CrmDbContextFactory>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.Options.ConnectionString);
        builder.UseSetting("Pdf:ChromiumPath", App.Browser.ExecutablePath);
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"mail-{Guid.NewGuid():N}"));
        builder.UseSetting("Reminders:SchedulerEnabled", "false");
        builder.UseSetting("Subscriptions:SchedulerEnabled", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (!_sender)
            {
                foreach (var worker in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxWorker)).ToList())
                    services.Remove(worker);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
