namespace CrmBlazor.Domain.Clients;

/// <summary>A client's detail page: its data and the persons or companies linked to it.</summary>
public sealed record ClientDetails(
    long Id,
    ClientKind Kind,
    string Name,
    ClientForm Form,
    ClientStatus Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version,
    ContactNotifications Notifications,
    IReadOnlyList<LinkedParty> Links);

/// <summary>The other side of a contact link: a person on a company's page, a company on a person's page.</summary>
public sealed record LinkedParty(long Id, string Name, string Position, bool IsPrimary, string Email, string Phone, ClientStatus Status);
