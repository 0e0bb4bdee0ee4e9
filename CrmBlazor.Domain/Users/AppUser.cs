using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Domain.Users;

/// <summary>A staff user. Identity keeps the password, lockout and roles; we add name, language and rights.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>UI culture: en, es, fr or pl.</summary>
    public string Culture { get; set; } = "en";

    public ProfileRights Rights { get; set; }

    /// <summary>Set when an administrator removed the user: no sign-in, no new assignments; their records stay.</summary>
    public DateTime? RemovedAt { get; set; }
}
