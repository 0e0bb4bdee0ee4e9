namespace CrmBlazor.Domain.Matters;

/// <summary>The matter a client's History line or a timeline line is about.</summary>
public sealed record MatterRef(long MatterId, string Number, string Title);

/// <summary>A party added, removed, made active or inactive, or its portal sharing switched (kinds MatterParty*).</summary>
/// <param name="Change">Added, Removed, Activated, Deactivated, Shared, Unshared.</param>
public sealed record MatterPartyData(long MatterId, string Number, string Title, long ClientId, string ClientName, PartyRole Role, string Change);

/// <summary>An intervenant added or removed, or the matter deleted (kind MatterChanged).</summary>
/// <param name="Change">IntervenantAdded, IntervenantRemoved, Deleted.</param>
public sealed record MatterChangeData(long MatterId, string Number, string Title, string Change, string? UserName = null, int? Activities = null);

public static class PartyChanges
{
    public const string Added = "Added";
    public const string Removed = "Removed";
    public const string Activated = "Activated";
    public const string Deactivated = "Deactivated";
    public const string Shared = "Shared";
    public const string Unshared = "Unshared";
    public const string IntervenantAdded = "IntervenantAdded";
    public const string IntervenantRemoved = "IntervenantRemoved";
    public const string Deleted = "Deleted";
    public const string Closed = "Closed";
    public const string DetailsChanged = "DetailsChanged";
    public const string Reopened = "Reopened";
}
