namespace CrmBlazor.Domain.Portal;

/// <summary>
/// A contact's access to the client portal (CON-1, POR-1). The login is the person's email (unique among
/// persons); the account says which customer's documents and matters the contact sees, and which modules.
/// Deleting the person deletes the account and its set-password links.
/// </summary>
public class PortalAccount
{
    public long Id { get; private set; }

    /// <summary>The contact: a person client.</summary>
    public long PersonId { get; private set; }

    /// <summary>Whose documents, matters and support thread the contact sees: the company, or the person itself.</summary>
    public long CustomerId { get; private set; }

    /// <summary>Empty until a password is set (by staff in the form, or through the set-password link).</summary>
    public string PasswordHash { get; private set; } = string.Empty;

    /// <summary>Changes whenever the password changes: older sessions and older set-password links stop working.</summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    public PortalPermissions Permissions { get; private set; }
    public int FailedSignIns { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? PasswordSetAt { get; private set; }
    public DateTime? LastSignInAt { get; private set; }

    private PortalAccount() { }

    public PortalAccount(long personId, long customerId, PortalPermissions permissions, DateTime now)
    {
        PersonId = personId;
        CustomerId = customerId;
        Permissions = permissions;
        CreatedAt = now;
    }

    public bool HasPassword => PasswordHash.Length > 0;

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    public void SetPasswordHash(string hash, DateTime now)
    {
        PasswordHash = hash;
        PasswordSetAt = now;
        SecurityStamp = NewStamp();
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void SetPermissions(PortalPermissions permissions) => Permissions = permissions & PortalPermissions.All;

    /// <summary>Gives a person access to the portal for <paramref name="customerId"/>: their company, or themself (CON-1).</summary>
    public static PortalAccount Grant(Clients.Client person, long customerId, PortalPermissions permissions, DateTime now)
    {
        if (person.Kind != Clients.ClientKind.Person) throw new Common.DomainException("Error.PortalOnlyPersons");
        if (person.EmailLower.Length == 0) throw new Common.DomainException("Error.PortalNeedsEmail");
        if (person.Status == Clients.ClientStatus.Archived) throw new Common.DomainException("Error.ClientArchived");
        return new PortalAccount(person.Id, customerId, permissions & PortalPermissions.All, now);
    }

    /// <summary>A set-password link for this (saved) account (CON-4); the caller keeps the token, the database only its hash.</summary>
    public SetPasswordToken IssueSetPasswordToken(string tokenHash, DateTime now)
    {
        if (Id == 0) throw new InvalidOperationException("Save the account before issuing a set-password link.");
        return new SetPasswordToken(Id, tokenHash, now);
    }

    /// <summary>Counts a wrong password; the fifth in a row locks the account for a while (POR-1).</summary>
    public void RecordFailedSignIn(DateTime now, int maxFailures, TimeSpan lockout)
    {
        FailedSignIns++;
        if (FailedSignIns >= maxFailures)
        {
            LockedUntil = now + lockout;
            FailedSignIns = 0;
        }
    }

    public void RecordSignIn(DateTime now)
    {
        FailedSignIns = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
