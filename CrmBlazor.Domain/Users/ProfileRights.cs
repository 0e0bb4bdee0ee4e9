namespace CrmBlazor.Domain.Users;

/// <summary>Rights a profile can carry on top of its role (NF-2).</summary>
[Flags]
public enum ProfileRights
{
    None = 0,
    DeleteMatters = 1,
    ManageUsers = 2,
    ManageSettings = 4,
    All = DeleteMatters | ManageUsers | ManageSettings,
}

public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Office = "office";
    public const string Sales = "sales";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Sales];
}
