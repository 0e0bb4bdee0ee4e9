namespace CrmBlazor.Domain.Clients;

public enum ClientKind
{
    Company = 0,
    Person = 1,
}

/// <summary>
/// Stored as an int so that "Active equals No" is an equality an index can serve (a false-bool
/// filter is not, on SQLite). Archived implies inactive: it is only ever listed in the Archive.
/// </summary>
public enum ClientStatus
{
    Active = 0,
    Inactive = 1,
    Archived = 2,
}
