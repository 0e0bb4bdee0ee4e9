using System.Security.Cryptography;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Demo;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Hosting;

/// <summary>What happens once at start: migrations, roles, a first admin, demo data.</summary>
public static class StartupTasks
{
    public const string DemoPassword = "demo-password-2026";

    public static async Task RunStartupTasksAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<CrmDbContextFactory>());

        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (!users.Users.Any())
        {
            if (environment.IsDevelopment())
            {
                await CreateUserAsync(users, "admin@demo.local", "Ana Admin", StaffRoles.Admin, ProfileRights.All, DemoPassword);
                await CreateUserAsync(users, "office@demo.local", "Olivier Office", StaffRoles.Office, ProfileRights.None, DemoPassword);
                await CreateUserAsync(users, "sales@demo.local", "Sylwia Sales", StaffRoles.Sales, ProfileRights.None, DemoPassword);
                logger.LogWarning("Demo users created: admin@demo.local, office@demo.local, sales@demo.local with password {Password}", DemoPassword);
            }
            else
            {
                // No fixed default password outside Development: a one-time random one, shown once.
                var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
                await CreateUserAsync(users, "admin@localhost", "Administrator", StaffRoles.Admin, ProfileRights.All, password);
                Console.WriteLine($"First start: sign in as admin@localhost with password {password} and change it under Users.");
            }
        }

        var demo = configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (demo.SeedOnFirstStart)
        {
            var dbs = services.GetRequiredService<CrmDbContextFactory>();
            var seeded = await DemoDataSeeder.SeedIfEmptyAsync(dbs, demo, TimeProvider.System);
            if (seeded > 0)
            {
                var documents = await DemoDocumentSeeder.SeedAsync(dbs, services.GetRequiredService<ChangeFeed>(), TimeProvider.System, demo.Seed);
                var matters = await DemoMatterSeeder.SeedAsync(dbs, services.GetRequiredService<ChangeFeed>(), TimeProvider.System);
                await DemoCommercialSeeder.SeedAsync(dbs, services.GetRequiredService<ChangeFeed>(), TimeProvider.System, configuration.GetSection("Commercial").Get<Domain.Commercial.CommercialOptions>());
                logger.LogInformation("Seeded {Count} demo clients, {Documents} documents and {Matters} matters", seeded, documents, matters);
            }
        }
    }

    private static async Task CreateUserAsync(UserManager<AppUser> users, string email, string name, string role, ProfileRights rights, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Rights = rights };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}
