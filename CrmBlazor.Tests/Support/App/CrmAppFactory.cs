using CrmBlazor.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Support.App;

/// <summary>
/// The real app on Kestrel inside the test process, on its own SQLite file, in Development
/// (so the demo users exist with <see cref="Hosting.StartupTasks.DemoPassword"/>). Browsers reach it at <see cref="BaseUrl"/>.
/// </summary>
public sealed class CrmAppFactory : WebApplicationFactory<Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"app-{Guid.NewGuid():N}.db");
    private readonly int _demoCompanies;
    private readonly int _demoPersons;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="port">0: any free port.</param>
    /// <param name="settings">Configuration set after the test defaults (e.g. a real SMTP server, the public base URL).</param>
    public CrmAppFactory(int demoCompanies = 0, int demoPersons = 0, int port = 0, IReadOnlyDictionary<string, string>? settings = null)
    {
        _demoCompanies = demoCompanies;
        _demoPersons = demoPersons;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(port);
    }

    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", DatabaseProvider.Sqlite.ToString());
        builder.UseSetting("Database:ConnectionString", $"Data Source={_file}");
        builder.UseSetting("Demo:SeedOnFirstStart", (_demoCompanies + _demoPersons > 0).ToString());
        builder.UseSetting("Demo:Companies", _demoCompanies.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Demo:Persons", _demoPersons.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The PDF printer starts Chromium on the first PDF, not at start: most app tests print nothing.
        builder.UseSetting("Pdf:ChromiumPath", Browser.ExecutablePath);
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
        // Mail the app sends goes to a throw-away pickup folder, never into the repository's .data/mail.
        builder.UseSetting("Mail:PickupFolder", Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"mail-{Guid.NewGuid():N}"));
        // Tests drive the reminder run with their own clock; a timer firing in the middle of an unrelated test would only add noise.
        builder.UseSetting("Reminders:SchedulerEnabled", "false");
        builder.UseSetting("Subscriptions:SchedulerEnabled", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    public void Start() => StartServer();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_file + suffix); } catch (IOException) { }
        }
    }
}
