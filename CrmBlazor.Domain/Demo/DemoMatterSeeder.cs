using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Demo;

/// <summary>
/// A few demo matters made through the real services: one or two clients each, time and expenses (common and
/// attributed), one matter with a client made inactive on it and one blocked matter, so every state is on screen.
/// </summary>
public static class DemoMatterSeeder
{
    private static readonly string[] Titles =
    [
        "Abordaje en el pantalán 3", "Réclamation assurance coque", "Umowa serwisowa floty", "Embargo preventivo del velero",
        "Litige chantier naval", "Registro de la matrícula",
    ];

    public static async Task<int> SeedAsync(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock, CancellationToken ct = default)
    {
        List<long> companies;
        string? admin, office;
        await using (var read = dbs.CreateDbContext())
        {
            if (await read.Matters.AnyAsync(ct)) return 0;
            admin = await read.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
            office = await read.Users.Where(u => u.Email == "office@demo.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
            companies = await read.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
                .OrderBy(c => c.Id).Skip(30).Take(2 * Titles.Length).Select(c => c.Id).ToListAsync(ct);
        }
        if (admin is null || companies.Count < 2 * Titles.Length) return 0;

        var system = SystemCurrentActor.Instance;
        var matters = new MatterService(dbs, system, feed, clock);
        var parties = new MatterPartyService(dbs, system, feed, clock);
        var reads = new MatterQueries(dbs, system);
        var activities = new ActivityService(dbs, system, feed, clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < Titles.Length; i++)
        {
            var clients = i % 3 == 0 ? new[] { companies[2 * i] } : [companies[2 * i], companies[2 * i + 1]];
            var id = await matters.CreateAsync(new MatterForm
            {
                Title = Titles[i], ResponsibleUserId = admin, IntervenantIds = office is null ? [] : [office],
                Parties = clients.Select(c => new PartyInput(c, PartyRole.Client)).ToList(),
            }, ct);
            await activities.AddAsync(id, new ActivityForm { Kind = ActivityKind.Time, Date = today.AddDays(-12 + i), UserId = admin, DurationMinutes = 90, HourlyRateMinor = 120_00, Description = "Estudio del expediente" }, ct);
            await activities.AddAsync(id, new ActivityForm { Kind = ActivityKind.Expense, Date = today.AddDays(-8 + i), UserId = admin, AmountMinor = 45_50, Description = "Tasas del registro" }, ct);
            await activities.AddAsync(id, new ActivityForm { Kind = ActivityKind.Time, Date = today.AddDays(-4 + i), UserId = admin, DurationMinutes = 45, HourlyRateMinor = 120_00, Description = "Llamada con el cliente", ClientId = clients[0] }, ct);
            // Matter 2: its second client made inactive on it; matter 4 (one client): blocked.
            if (i is 1 or 3)
            {
                var version = (await reads.GetAsync(id, ct))!.Version;
                await parties.SetActiveAsync(id, clients[^1], false, version, ct);
            }
        }
        return Titles.Length;
    }
}
