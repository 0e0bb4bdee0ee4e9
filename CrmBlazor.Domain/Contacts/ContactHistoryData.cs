using CrmBlazor.Domain.Portal;
namespace CrmBlazor.Domain.Contacts;

/// <summary>History data of portal access (CON-1, CON-5): whose access, for which customer, which modules.</summary>
public sealed record PortalAccessData(long PersonId, string PersonName, long CustomerId, string CustomerName, PortalPermissions Permissions);

/// <summary>Permissions changed (CON-5), or the access removed (<see cref="Removed"/>).</summary>
public sealed record PortalPermissionsData(long PersonId, string PersonName, PortalPermissions Before, PortalPermissions After, bool Removed = false);

/// <summary>A welcome or set-password email queued (CON-3, CON-4), or a password set through the link.</summary>
public sealed record PortalEmailData(long PersonId, string PersonName, string Email);

/// <summary>What the staff list shows of one contact's portal access.</summary>
public sealed record PortalAccessView(long PersonId, long AccountId, long CustomerId, PortalPermissions Permissions, bool HasPassword,
    DateTime? LockedUntil, DateTime? LastSignInAt);

/// <summary>What the new-contact dialog starts from: the primary box is ticked and fixed for a first contact (CON-2).</summary>
public sealed record NewContactDefaults(bool FirstContact, PortalPermissions Permissions, bool WelcomeEmailEnabled);
