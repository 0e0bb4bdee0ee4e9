using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Domain.Matters.Split;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support.Matters;

/// <summary>
/// Matters and parties for activity tests, inserted with plain SQL (the matters feature owns their entities and
/// services). Like the party editor, every change of the active clients rebalances the split.
/// </summary>
public static class MatterBuilder
{
    private static int _counter;

    public static ActivityService Activities(this DomainHost host) => host.Get<ActivityService>();
    public static ActivityList ActivityList(this DomainHost host) => host.Get<ActivityList>();
    public static SplitService Split(this DomainHost host) => host.Get<SplitService>();
    public static TransferService Transfers(this DomainHost host) => host.Get<TransferService>();
    public static MatterProformaService Proformas(this DomainHost host) => host.Get<MatterProformaService>();

    /// <summary>A matter with these clients (in this order, each active or not) and the admin and office users as intervenants.</summary>
    public static async Task<long> MatterAsync(this DomainHost host, string title, params (long ClientId, bool Active)[] clients)
    {
        await using var db = host.Db();
        return await InsertMatterAsync(db, title, host.Clock.GetUtcNow().UtcDateTime, [TestActor.Admin.UserId!, TestActor.Office.UserId!], clients);
    }

    /// <summary>The same on any database (end-to-end tests use the app's): a numbered matter, its client parties, its intervenants, an equal split.</summary>
    public static async Task<long> InsertMatterAsync(global::CrmBlazor.Domain.Data.CrmDbContext db, string title, DateTime now, string[] intervenants,
        (long ClientId, bool Active)[] clients, string? number = null)
    {
        number ??= $"2026-{Interlocked.Increment(ref _counter):0000}-{Guid.NewGuid():N}"[..14];
        var id = (await db.Database.SqlQueryRaw<long>(
            """
            INSERT INTO "Matters" ("Number", "Title", "ResponsibleUserId", "Currency", "Status", "CreatedAt", "UpdatedAt", "Version")
            VALUES ({0}, {1}, {2}, 'EUR', 0, {3}, {3}, 1) RETURNING "Id" AS "Value"
            """, number, title, intervenants[0], now).ToListAsync()).Single();
        foreach (var (clientId, active) in clients) await AddPartyAsync(db, id, clientId, 0, active, now);
        foreach (var user in intervenants)
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "MatterIntervenants" ("MatterId", "UserId", "AddedAt") VALUES ({0}, {1}, {2})""", id, user, now);
        await ActivitySplitter.RebalanceAsync(db, id, default);
        return id;
    }

    /// <summary>A party that is not a client (opposing side, linked contact...).</summary>
    public static async Task AddPartyAsync(this DomainHost host, long matterId, long clientId, int role, bool active = true)
    {
        await using var db = host.Db();
        await AddPartyAsync(db, matterId, clientId, role, active, host.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The Active/Inactive toggle of a client on one matter (MAT-2), as the party editor does it: version bumped, split rebalanced.</summary>
    public static async Task ToggleClientAsync(this DomainHost host, long matterId, long clientId, bool active)
    {
        await using var db = host.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("""UPDATE "MatterParties" SET "IsActive" = {0} WHERE "MatterId" = {1} AND "ClientId" = {2}""", active, matterId, clientId);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "Matters" SET "Version" = "Version" + 1 WHERE "Id" = {0}""", matterId);
        await ActivitySplitter.RebalanceAsync(db, matterId, default);
        await tx.CommitAsync();
    }

    public static async Task<long> VersionOfMatterAsync(this DomainHost host, long matterId)
    {
        await using var db = host.Db();
        return await db.Matters.Where(m => m.Id == matterId).Select(m => m.Version).SingleAsync();
    }

    /// <summary>Every share of the matter's activities: activity → client → amount.</summary>
    public static async Task<Dictionary<long, Dictionary<long, long>>> MatterSharesAsync(this DomainHost host, long matterId)
    {
        await using var db = host.Db();
        var rows = await (from s in db.ActivityShares join a in db.Activities on s.ActivityId equals a.Id where a.MatterId == matterId select s).ToListAsync();
        return rows.GroupBy(s => s.ActivityId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.ClientId, s => s.AmountMinor));
    }

    private static Task AddPartyAsync(global::CrmBlazor.Domain.Data.CrmDbContext db, long matterId, long clientId, int role, bool active, DateTime now) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "MatterParties" ("MatterId", "ClientId", "Role", "IsActive", "SharedOnPortal", "AddedAt")
            VALUES ({0}, {1}, {2}, {3}, FALSE, {4})
            """, matterId, clientId, role, active, now);
}

/// <summary>Valid activity forms; tests change what they are about.</summary>
public static class ActivityForms
{
    public static ActivityForm Time(int minutes = 90, long rateMinor = 120_00, long? clientId = null, Action<ActivityForm>? change = null)
    {
        var form = new ActivityForm
        {
            Kind = global::CrmBlazor.Domain.Matters.ActivityKind.Time, Date = new DateOnly(2026, 11, 20), UserId = TestActor.Admin.UserId!,
            DurationMinutes = minutes, HourlyRateMinor = rateMinor, Description = "Revisión del contrato", ClientId = clientId,
        };
        change?.Invoke(form);
        return form;
    }

    public static ActivityForm Expense(long amountMinor, long? clientId = null, Action<ActivityForm>? change = null)
    {
        var form = new ActivityForm
        {
            Kind = global::CrmBlazor.Domain.Matters.ActivityKind.Expense, Date = new DateOnly(2026, 11, 21), UserId = TestActor.Admin.UserId!,
            AmountMinor = amountMinor, Description = "Tasas judiciales", ClientId = clientId,
        };
        change?.Invoke(form);
        return form;
    }
}
