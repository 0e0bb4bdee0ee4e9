namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The contact signed in to the portal, as checked against the database on this request: every portal
/// service takes it and refuses what it may not see (another customer's records, a module without permission).
/// </summary>
public sealed record PortalContact(long AccountId, long PersonId, long CustomerId, string Name, string Email, string Language, PortalPermissions Permissions)
{
    public bool May(PortalPermissions module) => (Permissions & module) == module;
}
