namespace CrmBlazor.Domain.Portal;

/// <summary>One permission per portal module (CON-5). A module without it is absent from the portal and its URLs are refused.</summary>
[Flags]
public enum PortalPermissions
{
    None = 0,
    Invoices = 1,
    Estimates = 2,
    /// <summary>The matters shared with the customer (MAT-11).</summary>
    Projects = 4,
    Support = 8,
    All = Invoices | Estimates | Projects | Support,
}
