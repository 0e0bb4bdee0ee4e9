using CrmBlazor.Hosting.Validation;
using Microsoft.AspNetCore.Identity;
using CrmBlazor.Domain.Users;

namespace CrmBlazor.Hosting.FirstAdmin;

/// <summary>
/// Outside Development nobody gets a default or a random password printed: the first administrator comes from
/// Setup:AdminEmail + Setup:AdminPassword, or from the create-admin command. No password is ever logged.
/// </summary>
public static class FirstAdministrator
{
    public const string Hint =
        "No user yet: set Setup:AdminEmail and the environment variable Setup__AdminPassword (10 characters or more) and restart, " +
        "or run 'CrmBlazor create-admin --email you@example.com' (it asks for the password)";

    /// <summary>Creates the Setup administrator when the database has no user yet; true when it did.</summary>
    public static async Task<bool> CreateFromSetupAsync(UserManager<AppUser> users, SetupOptions setup, ILogger logger)
    {
        if (!setup.IsGiven) return false;
        if (string.IsNullOrWhiteSpace(setup.AdminEmail))
            throw new StartupConfigurationException("Setup:AdminEmail: missing; expected the first administrator's email next to Setup:AdminPassword");
        if (string.IsNullOrEmpty(setup.AdminPassword))
            throw new StartupConfigurationException("Setup:AdminPassword: missing; expected the environment variable Setup__AdminPassword (10 characters or more)");
        try
        {
            await Administrators.CreateAsync(users, setup.AdminEmail.Trim(), setup.AdminName, setup.AdminPassword);
        }
        catch (AdminRefusedException ex)
        {
            throw new StartupConfigurationException($"Setup:AdminEmail / Setup:AdminPassword: the administrator cannot be created: {ex.Message}");
        }
        logger.LogWarning("First administrator {Email} created from the Setup configuration; Setup:AdminPassword can now be removed", setup.AdminEmail.Trim());
        return true;
    }
}
