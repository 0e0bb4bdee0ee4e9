using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Matters;

/// <summary>Matters for tests: the staff users behind the test actors, valid forms, and activities inserted behind the services' back.</summary>
public static class MatterData
{
    public static MatterService Matters(this DomainHost host) => host.Get<MatterService>();
    public static MatterPartyService Parties(this DomainHost host) => host.Get<MatterPartyService>();
    public static MatterQueries MatterReads(this DomainHost host) => host.Get<MatterQueries>();

    /// <summary>Users with the ids of <see cref="TestActor.Admin"/>, <see cref="TestActor.Office"/> and <see cref="TestActor.Sales"/>.</summary>
    public static async Task StaffUsersAsync(this DomainHost host)
    {
        await using var db = host.Db();
        foreach (var actor in new[] { TestActor.Admin, TestActor.Office, TestActor.Sales })
        {
            if (await db.Users.AnyAsync(u => u.Id == actor.UserId)) continue;
            var email = $"{actor.UserId}@example.com";
            db.Users.Add(new AppUser { Id = actor.UserId!, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), DisplayName = actor.Name, Rights = actor.Rights });
        }
        await db.SaveChangesAsync();
    }

    public static MatterForm Form(string title, params PartyInput[] parties) => new()
    {
        Title = title, ResponsibleUserId = TestActor.Admin.UserId!, Parties = [.. parties], IntervenantIds = [TestActor.Office.UserId!],
    };

    public static PartyInput Client(long id, bool active = true, bool shared = false) => new(id, PartyRole.Client, active, shared);

    public static async Task<long> MatterAsync(this DomainHost host, string title, params PartyInput[] parties) =>
        await host.Matters().CreateAsync(Form(title, parties));

    public static async Task<MatterDetail> DetailAsync(this DomainHost host, long matterId) =>
        await host.MatterReads().GetAsync(matterId) ?? throw new InvalidOperationException($"no matter {matterId}");

    public static async Task<long> MatterVersionAsync(this DomainHost host, long matterId) => (await host.DetailAsync(matterId)).Version;

    public static async Task SetActiveAsync(this DomainHost host, long matterId, long clientId, bool active) =>
        await host.Parties().SetActiveAsync(matterId, clientId, active, await host.MatterVersionAsync(matterId));

    /// <summary>
    /// An activity row as the activities feature will write it (no service of ours makes one): common when
    /// <paramref name="clientId"/> is null; billed on <paramref name="documentId"/> when given.
    /// </summary>
    public static async Task<long> ActivityAsync(this DomainHost host, long matterId, long? clientId, long amountMinor = 100_00,
        long? documentId = null, bool billable = true)
    {
        await using var db = host.Db();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var ids = await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "Activities" ("MatterId", "Kind", "Date", "UserId", "DurationMinutes", "HourlyRateMinor", "AmountMinor",
                "Description", "Billable", "ClientId", "BilledAt", "DocumentId", "CreatedAt", "Version")
            VALUES ({0}, 1, {1}, {2}, NULL, NULL, {3}, 'Court fee', {4}, {5}, {6}, {7}, {8}, 1)
            RETURNING "Id" AS "Value"
            """,
            matterId, DateOnly.FromDateTime(now), TestActor.Admin.UserId!, amountMinor, billable,
            (object?)clientId ?? DBNull.Value, documentId is null ? DBNull.Value : now, (object?)documentId ?? DBNull.Value, now).ToListAsync();
        return ids.Single();
    }

    /// <summary>Splits the matter's unbilled common activities as the activities feature does after adding them.</summary>
    public static async Task SplitAsync(this DomainHost host, long matterId)
    {
        await using var db = host.Db();
        await CrmBlazor.Domain.Matters.Split.ActivitySplitter.RebalanceAsync(db, matterId, default);
    }

    public static async Task<Dictionary<long, long>> SharesAsync(this DomainHost host, long activityId)
    {
        await using var db = host.Db();
        return await db.ActivityShares.Where(s => s.ActivityId == activityId).ToDictionaryAsync(s => s.ClientId, s => s.AmountMinor);
    }
}
