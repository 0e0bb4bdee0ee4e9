using CrmBlazor.Domain.Users;
using CrmBlazor.Hosting.FirstAdmin;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Hosting.Commands;

/// <summary>
/// <c>CrmBlazor create-admin --email x@y [--name "..."]</c>: an administrator with every right, the password asked on
/// the terminal (or read from stdin). Applies migrations first, so it works on a new database.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, CommandLine command, Func<string> readPassword, TextWriter output)
    {
        var email = command.Required("email", "admin@example.com");
        var name = command.Optional("name") ?? "Administrator";
        await StartupTasks.PrepareDatabaseAsync(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            output.WriteLine($"{Name}: a user with the email {email} exists already; nothing was changed");
            return 1;
        }
        try
        {
            await Administrators.CreateAsync(users, email, name, readPassword());
        }
        catch (AdminRefusedException ex)
        {
            throw new CommandException($"{Name}: {ex.Message} Nothing was created");
        }
        output.WriteLine($"{Name}: administrator {email} created; sign in at /account/login");
        return 0;
    }
}
