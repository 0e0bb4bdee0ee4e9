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

    internal static MatterParty Create(long clientId, PartyRole role, bool isActive, bool sharedOnPortal, DateTime now) => new()
    {
        ClientId = clientId, Role = role, IsActive = isActive,
        // Only an active client sees the matter on the portal (MAT-11).
        SharedOnPortal = role == PartyRole.Client && isActive && sharedOnPortal,
        AddedAt = now,
    };

    public bool IsClient => Role == PartyRole.Client;

    /// <summary>Active or inactive on this matter only (MAT-2); a client made inactive stops seeing the matter on the portal (MAT-11).</summary>
    internal void SetActive(bool active)
    {
        IsActive = active;
        if (!active) SharedOnPortal = false;
    }

    /// <summary>Staff switch portal sharing by hand (MAT-11): only for a client that is active on the matter.</summary>
    internal void SetSharing(bool shared)
    {
        if (!IsClient) throw new Common.DomainException("Error.MatterSharingClientsOnly");
        if (shared && !IsActive) throw new Common.DomainException("Error.MatterSharingInactive");
        SharedOnPortal = shared;
    }
}
