using System.Data.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Demo;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using CrmBlazor.Hosting.FirstAdmin;
using CrmBlazor.Hosting.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Hosting;

/// <summary>What happens once at start: options checks, migrations, roles, a first admin, demo data.</summary>
public static class StartupTasks
{
    public const string DemoPassword = "demo-password-2026";

    public static async Task RunStartupTasksAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        // Bad options stop the start before anything is written (the host would check them only after this).
        services.GetService<IStartupValidator>()?.Validate();
        var dbs = services.GetRequiredService<CrmDbContextFactory>();
        await EnsureReachableAsync(dbs);
        // Instances started together take turns, so roles, the first administrator and demo data are made once.
        await DatabaseMigrator.RunExclusiveAsync(dbs, async () =>
        {
            await MigrateAndCreateRolesAsync(services);
            await CreateFirstUsersAsync(services, configuration, environment, logger);
            if (SeedsDemoData(configuration, environment)) await SeedDemoDataAsync(services, configuration, logger);
        });
    }

    private static async Task CreateFirstUsersAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (!users.Users.Any())
        {
            var setup = configuration.GetSection(SetupOptions.Section).Get<SetupOptions>() ?? new SetupOptions();
            var created = await FirstAdministrator.CreateFromSetupAsync(users, setup, logger);
            if (environment.IsDevelopment())
            {
                await Administrators.CreateUserAsync(users, "admin@demo.local", "Ana Admin", StaffRoles.Admin, ProfileRights.All, DemoPassword);
                await Administrators.CreateUserAsync(users, "office@demo.local", "Olivier Office", StaffRoles.Office, ProfileRights.None, DemoPassword);
                await Administrators.CreateUserAsync(users, "sales@demo.local", "Sylwia Sales", StaffRoles.Sales, ProfileRights.None, DemoPassword);
                // The password is in the README; a log is no place for one.
                logger.LogWarning("Demo users created: admin@demo.local, office@demo.local, sales@demo.local");
            }
            else if (!created)
            {
                logger.LogWarning(FirstAdministrator.Hint);
            }
        }
    }

    private static async Task SeedDemoDataAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var demo = configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        var dbs = services.GetRequiredService<CrmDbContextFactory>();
        var seeded = await DemoDataSeeder.SeedIfEmptyAsync(dbs, demo, TimeProvider.System);
        if (seeded == 0) return;
        var feed = services.GetRequiredService<ChangeFeed>();
        var documents = await DemoDocumentSeeder.SeedAsync(dbs, feed, TimeProvider.System, demo.Seed);
        var matters = await DemoMatterSeeder.SeedAsync(dbs, feed, TimeProvider.System);
        await DemoCommercialSeeder.SeedAsync(dbs, feed, TimeProvider.System, configuration.GetSection("Commercial").Get<Domain.Commercial.CommercialOptions>());
        logger.LogInformation("Seeded {Count} demo clients, {Documents} documents and {Matters} matters", seeded, documents, matters);
    }

    /// <summary>Demo data only in Development, unless Demo:SeedOnFirstStart says otherwise explicitly.</summary>
    public static bool SeedsDemoData(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Demo:SeedOnFirstStart"] is { Length: > 0 } value
            ? bool.TryParse(value, out var seed) ? seed : throw new StartupConfigurationException($"Demo:SeedOnFirstStart: '{value}' is not true or false")
            : environment.IsDevelopment();

    /// <summary>Migrations and roles; an unreachable database stops the start with one line (also used by create-admin).</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services)
    {
        var dbs = services.GetRequiredService<CrmDbContextFactory>();
        await EnsureReachableAsync(dbs);
        await DatabaseMigrator.RunExclusiveAsync(dbs, () => MigrateAndCreateRolesAsync(services));
    }

    private static async Task EnsureReachableAsync(CrmDbContextFactory dbs)
    {
        try
        {
            await using var db = dbs.CreateDbContext();
            await db.Database.OpenConnectionAsync();
        }
        catch (Exception ex) when (ex is DbException or TimeoutException || ex.InnerException is DbException or TimeoutException)
        {
            throw Unreachable(dbs.Provider, ex);
        }
    }

    private static async Task MigrateAndCreateRolesAsync(IServiceProvider services)
    {
        await DatabaseMigrator.ApplyMigrationsAsync(services.GetRequiredService<CrmDbContextFactory>());
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static StartupConfigurationException Unreachable(DatabaseProvider provider, Exception ex)
    {
        // The driver's message names the host or file, never the password.
        var reason = (ex as DbException ?? ex.InnerException ?? ex).Message;
        return new StartupConfigurationException(
            $"{DatabaseSettings.ConnectionStringKey}: the {provider} database cannot be reached ({reason}); expected a reachable database", ex);
    }
}
