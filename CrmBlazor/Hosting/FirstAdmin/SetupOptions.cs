namespace CrmBlazor.Hosting.FirstAdmin;

/// <summary>"Setup" in the configuration: the first administrator, created at start while the database has no user.</summary>
public sealed class SetupOptions
{
    public const string Section = "Setup";

    public string? AdminEmail { get; set; }

    /// <summary>Give it as the environment variable Setup__AdminPassword, never in a file under version control.</summary>
    public string? AdminPassword { get; set; }

    public string AdminName { get; set; } = "Administrator";

    public bool IsGiven => !string.IsNullOrWhiteSpace(AdminEmail) || !string.IsNullOrEmpty(AdminPassword);
}
