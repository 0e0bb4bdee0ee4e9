namespace CrmBlazor.Domain.Matters;

public enum PartyRole
{
    Client = 0,
    Opposing = 1,
    Third = 2,
    /// <summary>A contact linked to the matter (e.g. a client company's employee).</summary>
    Contact = 3,
}

/// <summary>
/// A client, other party or linked contact of a matter, with its Active / Inactive flag for this matter only (MAT-2)
/// and, for clients, whether the matter is shared with them on the portal (MAT-11).
/// </summary>
public class MatterParty
{
    public long Id { get; private set; }
    public long MatterId { get; private set; }
    public long ClientId { get; private set; }
    public PartyRole Role { get; private set; }
    public bool IsActive { get; private set; }
    public bool SharedOnPortal { get; private set; }
    public DateTime AddedAt { get; private set; }

    private MatterParty() { }
}
