namespace CrmBlazor.Domain.Portal;

/// <summary>
/// A set-password link (CON-4): works once and for 48 hours exactly. Only the SHA-256 of the token is kept,
/// so a copy of the database opens no account.
/// </summary>
public class SetPasswordToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    public long Id { get; private set; }
    public long PortalAccountId { get; private set; }
    public string TokenHash { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    private SetPasswordToken() { }

    public SetPasswordToken(long portalAccountId, string tokenHash, DateTime now)
    {
        PortalAccountId = portalAccountId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    /// <summary>Usable up to and including the 48th hour; not once used.</summary>
    public bool IsUsable(DateTime now) => UsedAt is null && now <= ExpiresAt;

    public void MarkUsed(DateTime now) => UsedAt = now;
}
