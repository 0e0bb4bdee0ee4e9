using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Users;
using CrmBlazor.Hosting.FirstAdmin;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Operations;

/// <summary>Issue 13: outside Development no demo data and no printed password; the first administrator comes from Setup or create-admin.</summary>
public class FirstAdministratorTests
{
    private const string SetupPassword = "setup-secret-4711-xyz";

    [Fact]
    public async Task Three_instances_starting_together_on_a_new_PostgreSQL_database_all_start_and_make_the_roles_and_the_first_administrator_once()
    {
        var database = await TestDatabase.CreateEmptyPostgresAsync();
        var settings = new Dictionary<string, string> { ["Setup:AdminEmail"] = "owner@astillero.test", ["Setup:AdminPassword"] = SetupPassword };

        var apps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => OpsApp.StartAsync(DatabaseProvider.Postgres, settings: settings, database: database))));
        try
        {
            await using var db = apps[0].Db();
            Assert.Equal(["owner@astillero.test"], await db.Users.Select(u => u.Email).ToListAsync());
            Assert.Equal(StaffRoles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_production_start_creates_no_demo_data_and_no_user_and_logs_one_line_saying_how_to_create_the_first_admin(DatabaseProvider provider)
    {
        await using var app = await OpsApp.StartAsync(provider);

        await using (var db = app.Db())
        {
            Assert.Equal(0, await db.Clients.CountAsync());
            Assert.Equal(0, await db.Documents.CountAsync());
            Assert.Equal(0, await db.Users.CountAsync());
        }
        var hint = Assert.Single(app.Logs.Lines, l => l.Contains("No user yet", StringComparison.Ordinal));
        Assert.Contains("Setup__AdminPassword", hint);
        Assert.Contains("create-admin", hint);
        Assert.DoesNotContain("admin@localhost", app.Logs.All);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_production_start_with_setup_configuration_creates_that_administrator_who_can_sign_in_and_no_log_holds_the_password(DatabaseProvider provider)
    {
        await using var app = await OpsApp.StartAsync(provider, settings: new Dictionary<string, string>
        {
            ["Setup:AdminEmail"] = "owner@astillero.test",
            ["Setup:AdminName"] = "Olga Owner",
            ["Setup:AdminPassword"] = SetupPassword,
        });

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = Assert.Single(users.Users.ToList());
        Assert.Equal(("owner@astillero.test", "Olga Owner", ProfileRights.All), (admin.Email, admin.DisplayName, admin.Rights));
        Assert.True(await users.IsInRoleAsync(admin, StaffRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, SetupPassword));
        Assert.False(await users.CheckPasswordAsync(admin, "demo-password-2026"));
        await using (var db = app.Db()) Assert.Equal(0, await db.Clients.CountAsync());
        Assert.Contains(app.Logs.Lines, l => l.Contains("owner@astillero.test", StringComparison.Ordinal));
        Assert.DoesNotContain(SetupPassword, app.Logs.All);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("No user yet", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_create_admin_command_reads_the_password_from_stdin_creates_the_administrator_and_refuses_an_email_that_exists(DatabaseProvider provider)
    {
        const string password = "typed-in-9876-secret";
        var database = await TestDatabase.CreateAsync(provider);
        ProcessResult created, again;
        try
        {
            created = await AppProcess.RunAsync(AppProcess.On(database), password, "create-admin", "--email", "boss@astillero.test", "--name", "Bea Boss");
            again = await AppProcess.RunAsync(AppProcess.On(database), "another-password-123", "create-admin", "--email", "boss@astillero.test");
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("boss@astillero.test created", created.Output);
        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.Contains("exists already", again.Output);
        foreach (var run in new[] { created, again })
        {
            Assert.DoesNotContain(password, run.Output + run.Error);
            Assert.DoesNotContain("Now listening", run.Output);
        }

        // The web app started afterwards on that database finds the administrator and creates nobody else.
        await using var app = await OpsApp.StartAsync(provider, database: database);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = Assert.Single(users.Users.ToList());
        Assert.Equal("Bea Boss", admin.DisplayName);
        Assert.True(await users.IsInRoleAsync(admin, StaffRoles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("No user yet", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_data_is_seeded_in_development_by_default_and_elsewhere_only_when_asked_explicitly()
    {
        static bool Seeds(string environment, string? value)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(value is null ? [] : [new KeyValuePair<string, string?>("Demo:SeedOnFirstStart", value)]).Build();
            return CrmBlazor.Hosting.StartupTasks.SeedsDemoData(configuration, new Environment(environment));
        }

        Assert.True(Seeds("Development", null));
        Assert.False(Seeds("Production", null));
        Assert.False(Seeds("Staging", null));
        Assert.True(Seeds("Production", "true"));
        Assert.False(Seeds("Development", "false"));
    }

    private sealed class Environment(string name) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "CrmBlazor";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
