using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Demo;

/// <summary>
/// Demo follow-ups for the demo salesperson (two overdue, two today, three upcoming, one done) and a dozen deals across the
/// board's stages, made through the real services so their history lines exist too.
/// </summary>
public static class DemoCommercialSeeder
{
    private static readonly (FollowUpKind Kind, int Days, int Hour, string Notes)[] FollowUps =
    [
        (FollowUpKind.Call, -3, 10, "Llamar para renovar el contrato de amarre"),
        (FollowUpKind.Email, -1, 16, "Envoyer la proposition d'hivernage"),
        // Today's two: 1 and 3 hours after the demo is seeded (see LaterToday), so "Today" is not empty whenever it starts.
        (FollowUpKind.Visit, 0, 1, "Wizyta w stoczni: przegląd kadłuba"),
        (FollowUpKind.Call, 0, 3, "Confirmar la fecha de botadura"),
        (FollowUpKind.Meeting, 1, 11, "Réunion annuelle avec le gérant"),
        (FollowUpKind.Call, 3, 9, "Seguimiento del presupuesto de pintura"),
        (FollowUpKind.Email, 8, 12, "Oferta na nowy sezon"),
    ];

    private static readonly (string Title, long Amount, DealStage Stage, int CloseInDays)[] Deals =
    [
        ("Invernaje 2027 velero 12 m", 1_850_00, DealStage.Lead, 60), ("Antifouling y pulido", 2_400_00, DealStage.Lead, 45),
        ("Contrat de maintenance annuel", 6_900_00, DealStage.Qualified, 30), ("Remplacement du gréement", 12_300_00, DealStage.Qualified, 50),
        ("Serwis silnika Volvo Penta", 3_150_00, DealStage.Proposal, 20), ("Amarre anual pantalán B", 4_800_00, DealStage.Proposal, 25),
        ("Refit intérieur teck", 18_500_00, DealStage.Negotiation, 15), ("Electrónica de navegación", 5_250_00, DealStage.Negotiation, 10),
        ("Transport par camion", 1_200_00, DealStage.Won, -5), ("Przegląd techniczny PZŻ", 950_00, DealStage.Won, -12),
        ("Cambio de velas", 7_400_00, DealStage.Lost, -20), ("Gardiennage hivernal", 2_100_00, DealStage.Lost, -30),
    ];

    public static async Task<int> SeedAsync(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock, CommercialOptions? options = null,
        CancellationToken ct = default)
    {
        string? sales, admin;
        List<long> clients;
        await using (var read = dbs.CreateDbContext())
        {
            if (await read.FollowUps.AnyAsync(ct) || await read.Deals.AnyAsync(ct)) return 0;
            sales = await read.Users.Where(u => u.Email == "sales@demo.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
            admin = await read.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleOrDefaultAsync(ct);
            clients = await read.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
                .OrderBy(c => c.Id).Skip(60).Take(FollowUps.Length + Deals.Length).Select(c => c.Id).ToListAsync(ct);
        }
        if (sales is null || admin is null || clients.Count < FollowUps.Length + Deals.Length) return 0;

        var time = new CommercialTime(Options.Create(options ?? new CommercialOptions()), clock);
        var system = SystemCurrentActor.Instance;
        var followUps = new FollowUpService(dbs, system, feed, time);
        var deals = new DealService(dbs, system, feed, time);
        var today = time.Today;
        for (var i = 0; i < FollowUps.Length; i++)
        {
            var (kind, days, hour, notes) = FollowUps[i];
            await followUps.ScheduleAsync(clients[i], new FollowUpForm
            {
                Kind = kind, Date = today.AddDays(days), Time = days == 0 ? LaterToday(time, hour) : new TimeOnly(hour, 0), AssignedUserId = sales, Notes = notes,
            }, ct);
        }
        var done = await followUps.ScheduleAsync(clients[0], new FollowUpForm
        {
            Kind = FollowUpKind.Call, Date = today.AddDays(-2), Time = new TimeOnly(9, 30), AssignedUserId = sales, Notes = "Primera toma de contacto",
        }, ct);
        await followUps.CompleteAsync(done, "Interesado; pide presupuesto de invernaje", 1, ct);

        for (var i = 0; i < Deals.Length; i++)
        {
            var (title, amount, stage, close) = Deals[i];
            await deals.CreateAsync(new DealForm
            {
                Title = title, ClientId = clients[FollowUps.Length + i], Amount = MoneyMath.ToMajor(amount).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Stage = stage, OwnerUserId = i % 3 == 0 ? admin : sales, ExpectedClose = today.AddDays(close),
            }, System.Globalization.CultureInfo.InvariantCulture, ct);
        }
        return FollowUps.Length + 1 + Deals.Length;
    }

    /// <summary>A quarter hour some hours from now, still today (at the latest 23:45 local time).</summary>
    private static TimeOnly LaterToday(CommercialTime time, int hours)
    {
        var local = time.ToLocal(time.UtcNow);
        var later = local.AddHours(hours);
        var latest = local.Date.AddHours(23).AddMinutes(45);
        var at = later < latest ? later : latest;
        return new TimeOnly(at.Hour, at.Minute / 15 * 15);
    }
}
