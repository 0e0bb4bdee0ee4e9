using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Live;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Demo;

/// <summary>
/// Gives the demo organisation its data and a few dozen quotes and invoices in every state, made
/// through <see cref="DocumentService"/> (so numbers, totals and history are the real ones).
/// </summary>
public static class DemoDocumentSeeder
{
    private static readonly (string Description, string Unit, long PriceMinor)[] Services =
    [
        ("Inspección del casco", "h", 85_00), ("Pintura antiincrustante", "l", 62_50), ("Varada y botadura", "", 410_00),
        ("Révision moteur hors-bord", "h", 95_00), ("Conseil juridique", "h", 180_00), ("Przegląd techniczny", "", 320_00),
        ("Domiciliation mensuelle", "", 49_00), ("Tłumaczenie przysięgłe", "str.", 45_00),
    ];

    public static async Task<int> SeedAsync(CrmDbContextFactory dbs, ChangeFeed feed, TimeProvider clock, int seed, CancellationToken ct = default)
    {
        await using (var db = dbs.CreateDbContext())
        {
            if (await db.Documents.AnyAsync(ct)) return 0;
            var settings = await db.Settings.SingleAsync(ct);
            settings.CompanyName = "Astillero Demo SL";
            settings.Street = "Muelle de la Ribera 4";
            settings.PostalCode = "48001";
            settings.City = "Bilbao";
            settings.Country = "España";
            settings.TaxId = "ESB12345678";
            settings.Email = "facturas@astillero-demo.example";
            settings.BankAccount = "ES91 2100 0418 4502 0005 1332";
            settings.Touch();
            await db.SaveChangesAsync(ct);
        }

        var documents = new DocumentService(dbs, SystemCurrentActor.Instance, feed, clock);
        await using var read = dbs.CreateDbContext();
        var rates = await read.TaxRates.Where(t => t.IsActive).ToListAsync(ct);
        var clients = await read.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
            .OrderBy(c => c.Id).Take(30).Select(c => new { c.Id, c.Language, c.Currency, c.Country }).ToListAsync(ct);
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var client in clients)
        {
            var country = client.Country switch { "France" => "FR", "Polska" => "PL", _ => "ES" };
            var rate = rates.Where(r => r.Country == country).OrderByDescending(r => r.Percent).First().Id;
            var form = new DocumentForm
            {
                Type = DocumentType.Quote, ClientId = client.Id, Language = client.Language, Currency = client.Currency,
                IssueDate = today.AddDays(-random.Next(0, 60)), Notes = string.Empty,
                Lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Line(random, rate)).ToList(),
            };
            form.ValidUntil = form.IssueDate.AddDays(30);
            var quote = await documents.CreateDraftAsync(form, ct);
            count++;
            if (count % 4 == 0) continue; // some quotes stay drafts
            await documents.IssueAsync(quote, ct);
            if (count % 3 == 0) continue;
            var invoice = await documents.ConvertAsync([quote], DocumentType.Invoice, ct);
            count++;
            await documents.IssueAsync(invoice, ct);
            if (count % 11 == 0) await documents.CancelAsync(invoice, (await documents.GetAsync(invoice, ct))!.Version, ct);
        }
        return count;
    }

    private static LineInput Line(Random random, long taxRateId)
    {
        var (description, unit, price) = Services[random.Next(Services.Length)];
        return new LineInput { Description = description, Unit = unit, Quantity = random.Next(1, 9), UnitPriceMinor = price, TaxRateId = taxRateId };
    }
}
