using CrmBlazor.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Domain.Portal;

/// <summary>The one rule for a portal password (at least 10 characters, like staff ones) and its hashing.</summary>
public sealed class PortalPasswords(IPasswordHasher<PortalAccount> hasher)
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Checks the password (field <paramref name="field"/>) and stores its hash; older sessions end.</summary>
    public void Set(PortalAccount account, string password, DateTime now, string field = "Password")
    {
        password ??= string.Empty;
        if (password.Length < MinLength) throw ValidationFailedException.For(field, $"Error.PasswordTooShort|{MinLength}");
        if (password.Length > MaxLength) throw ValidationFailedException.For(field, $"Error.TooLong|{MaxLength}");
        account.SetPasswordHash(hasher.HashPassword(account, password), now);
    }
}
