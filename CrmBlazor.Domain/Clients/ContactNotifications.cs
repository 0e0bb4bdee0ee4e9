namespace CrmBlazor.Domain.Clients;

/// <summary>Per-contact email notification toggles (CON-6). Sending uses them to preselect recipients.</summary>
public sealed class ContactNotifications
{
    public bool Invoice { get; set; } = true;
    public bool CreditNote { get; set; } = true;
    public bool Estimate { get; set; } = true;
    public bool Tickets { get; set; } = true;
    public bool Project { get; set; } = true;
    public bool Contract { get; set; } = true;
    public bool Task { get; set; } = true;

    public ContactNotifications Copy() => (ContactNotifications)MemberwiseClone();
}
