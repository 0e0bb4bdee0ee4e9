using CrmBlazor.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Hosting.FirstAdmin;

public enum AdminCreation
{
    Created,
    EmailTaken,
}

/// <summary>Creates a staff user with every right; used by the Setup configuration and the create-admin command.</summary>
public static class Administrators
{
    public static async Task<AdminCreation> CreateAsync(UserManager<AppUser> users, string email, string name, string password)
    {
        if (await users.FindByEmailAsync(email) is not null) return AdminCreation.EmailTaken;
        await CreateUserAsync(users, email, name, StaffRoles.Admin, ProfileRights.All, password);
        return AdminCreation.Created;
    }

    /// <summary>Identity's refusal (a short password, a bad email) as one sentence, without the password itself.</summary>
    public static async Task CreateUserAsync(UserManager<AppUser> users, string email, string name, string role, ProfileRights rights, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Rights = rights };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new AdminRefusedException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }
}

public sealed class AdminRefusedException(string reason) : Exception(reason);
