using CrmBlazor.Domain;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using Microsoft.AspNetCore.Identity;
using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmBlazor.Tests.Support;

/// <summary>
/// The domain services wired as the app wires them, on a test database, with a test actor and clock.
/// One per test: <c>await using var host = await DomainHost.CreateAsync(provider);</c>
/// </summary>
public sealed class DomainHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly bool _ownsDatabase;

    private DomainHost(TestDatabase database, ServiceProvider services, bool ownsDatabase = true)
    {
        Database = database;
        _services = services;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }
    public TestActor Actor => _services.GetRequiredService<TestActor>();
    public TestClock Clock => (TestClock)_services.GetRequiredService<TimeProvider>();
    public ChangeFeed Feed => _services.GetRequiredService<ChangeFeed>();
    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public CrmDbContext Db() => Database.Factory.CreateDbContext();

    public static async Task<DomainHost> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = BuildServices(database, new TestClock());
        configure?.Invoke(services);
        services.TryAddScoped<IDocumentPdfSource, Sending.TestPdfSource>();
        var provider_ = services.BuildServiceProvider();
        await using (var scope = provider_.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in StaffRoles.All) await roles.CreateAsync(new IdentityRole(role));
        }
        return new DomainHost(database, provider_);
    }

    /// <summary>
    /// The domain services on a database that running app instances already set up (roles, settings), at the real
    /// time of day; the database stays the caller's.
    /// </summary>
    public static DomainHost Attach(TestDatabase database)
    {
        var services = BuildServices(database, new TestClock(DateTimeOffset.UtcNow));
        services.TryAddScoped<IDocumentPdfSource, Sending.TestPdfSource>();
        return new DomainHost(database, services.BuildServiceProvider(), ownsDatabase: false);
    }

    private static ServiceCollection BuildServices(TestDatabase database, TestClock clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCrmDomain(database.Options, Path.GetTempPath());
        services.AddSingleton<TestActor>();
        services.AddSingleton<ICurrentActor>(sp => sp.GetRequiredService<TestActor>());
        services.AddLogging();
        services.AddSingleton(NullLoggerFactory.Instance);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>();
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}
