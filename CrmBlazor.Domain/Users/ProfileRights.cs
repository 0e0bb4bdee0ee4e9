namespace CrmBlazor.Domain.Users;

/// <summary>Rights a profile can carry on top of its role (NF-2).</summary>
[Flags]
public enum ProfileRights
{
    None = 0,
    DeleteMatters = 1,
    ManageUsers = 2,
    ManageSettings = 4,
    /// <summary>May add themself as intervenant of any matter (MAT-14).</summary>
    JoinMatters = 8,
    All = DeleteMatters | ManageUsers | ManageSettings | JoinMatters,
}

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Office = "office";
    public const string Sales = "sales";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Sales];
}
