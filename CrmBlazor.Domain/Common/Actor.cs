using CrmBlazor.Domain.Users;

namespace CrmBlazor.Domain.Common;

/// <summary>Who is doing something: a signed-in staff user, or the system (background jobs, seeding).</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles, ProfileRights Rights)
{
    public const string SystemRole = "system";

    /// <summary>Background jobs and seeding: allowed everything, recorded as "System".</summary>
    public static Actor System { get; } = new(null, "System", new HashSet<string> { SystemRole }, ProfileRights.All);

    /// <summary>Nobody signed in.</summary>
    public static Actor Anonymous { get; } = new(null, string.Empty, new HashSet<string>(), ProfileRights.None);

    public bool IsStaff => Roles.Count > 0;

    public bool Has(ProfileRights right) => (Rights & right) == right;

    public void RequireStaff()
    {
        if (!IsStaff) throw new NotAllowedException();
    }

    public void Require(ProfileRights right)
    {
        if (!Has(right)) throw new NotAllowedException();
    }
}

/// <summary>Gives services the current actor; the web project reads it from the signed-in user.</summary>
public interface ICurrentActor
{
    Task<Actor> GetAsync();
}
