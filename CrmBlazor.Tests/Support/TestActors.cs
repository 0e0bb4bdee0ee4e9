using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Users;

namespace CrmBlazor.Tests.Support;

/// <summary>Who the services think is signed in; tests switch it to check authorisation in the service layer.</summary>
public sealed class TestActor : ICurrentActor
{
    public Actor Current { get; set; } = Admin;

    public Task<Actor> GetAsync() => Task.FromResult(Current);

    public static Actor Admin { get; } = new("admin-1", "Ana Admin", new HashSet<string> { StaffRoles.Admin }, ProfileRights.All);
    public static Actor Office { get; } = new("office-1", "Olivier Office", new HashSet<string> { StaffRoles.Office }, ProfileRights.None);
    public static Actor Sales { get; } = new("sales-1", "Sylwia Sales", new HashSet<string> { StaffRoles.Sales }, ProfileRights.None);
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public TestClock() : this(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
