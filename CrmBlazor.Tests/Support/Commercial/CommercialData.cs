using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Commercial;

/// <summary>Follow-ups and deals for tests: the test actors' users with their roles, a removed salesperson, valid forms.</summary>
public static class CommercialData
{
    /// <summary>A salesperson an administrator removed: still in the database, not assignable.</summary>
    public const string RemovedId = "sales-removed";
    public const string RemovedName = "Rafał Removed";

    public static FollowUpService FollowUps(this DomainHost host) => host.Get<FollowUpService>();
    public static FollowUpQueries FollowUpReads(this DomainHost host) => host.Get<FollowUpQueries>();
    public static DealService Deals(this DomainHost host) => host.Get<DealService>();
    public static DealQueries DealReads(this DomainHost host) => host.Get<DealQueries>();

    /// <summary>The users of <see cref="TestActor"/> in their roles (admin, office, sales), plus a removed salesperson.</summary>
    public static async Task SalesTeamAsync(this DomainHost host)
    {
        await host.StaffUsersAsync();
        await using var db = host.Db();
        const string email = RemovedId + "@example.com";
        db.Users.Add(new AppUser { Id = RemovedId, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = RemovedName, RemovedAt = host.Clock.GetUtcNow().UtcDateTime.AddDays(-1) });
        await db.SaveChangesAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var (userId, role) in new[] { (TestActor.Admin.UserId!, StaffRoles.Admin), (TestActor.Office.UserId!, StaffRoles.Office),
                     (TestActor.Sales.UserId!, StaffRoles.Sales), (RemovedId, StaffRoles.Sales) })
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = roles[role] });
        await db.SaveChangesAsync();
    }

    public static FollowUpForm Form(DateOnly date, TimeOnly time, string? assignee = null, FollowUpKind kind = FollowUpKind.Call, string notes = "Llamar por el presupuesto") =>
        new() { Kind = kind, Date = date, Time = time, AssignedUserId = assignee ?? TestActor.Sales.UserId!, Notes = notes };

    public static DealForm Deal(long clientId, string amount = "1234.50", string title = "Invernaje 2027", DealStage stage = DealStage.Lead, string? owner = null) =>
        new() { Title = title, ClientId = clientId, Amount = amount, Stage = stage, OwnerUserId = owner ?? TestActor.Sales.UserId!, ExpectedClose = new DateOnly(2026, 12, 15) };

    public static async Task<long> FollowUpVersionAsync(this DomainHost host, long id) => (await host.FollowUpReads().GetAsync(id))!.Version;

    public static async Task<long> DealVersionAsync(this DomainHost host, long id) => (await host.DealReads().GetAsync(id))!.Version;
}
