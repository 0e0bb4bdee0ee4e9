using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-4: conversions make a draft with the same client, currency, language and lines, linked both ways.</summary>
public class DocumentConversionTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_4_every_allowed_conversion_makes_a_linked_draft_with_the_same_client_currency_language_and_lines(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Person());
        var (r23, r8) = (await host.RateAsync(23m, "PL"), await host.RateAsync(8m, "PL"));
        Action<DocumentForm> polish = f =>
        {
            (f.Language, f.Currency) = ("pl", "PLN");
            f.Lines = [Line(r23, 1.5m, 120_00, 12.5m, "Naprawa"), Line(r8, 0.333m, 300, description: "Farba")];
        };

        foreach (var (from, to) in new[] { (DocumentType.Quote, DocumentType.DeliveryNote), (DocumentType.Quote, DocumentType.Proforma),
                     (DocumentType.Quote, DocumentType.Invoice), (DocumentType.DeliveryNote, DocumentType.Invoice),
                     (DocumentType.Proforma, DocumentType.Invoice), (DocumentType.Invoice, DocumentType.CreditNote) })
        {
            var sourceId = await host.IssuedAsync(from, client, polish);
            var targetId = await host.Documents().ConvertAsync([sourceId], to);

            var (source, target) = (await host.DetailsAsync(sourceId), await host.DetailsAsync(targetId));
            Assert.Equal((to, DocumentStatus.Draft, (string?)null), (target.Type, target.Status, target.Number));
            Assert.Equal((client, "PLN", "pl"), (target.ClientId, target.Currency, target.Language));
            Assert.Equal(LinesOf(source), LinesOf(target));
            Assert.Equal(source.Totals.TotalMinor, target.Totals.TotalMinor);
            Assert.Equal([sourceId], target.MadeFrom.Select(r => r.Id));
            Assert.Equal([(targetId, to)], source.TurnedInto.Select(r => (r.Id, r.Type)));
            Assert.Equal(source.Number, Assert.Single(target.MadeFrom).Number);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_4_several_delivery_notes_of_one_client_become_one_invoice_with_all_lines(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var notes = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            notes.Add(await host.IssuedAsync(DocumentType.DeliveryNote, client, f => f.Lines[0].Description = $"Entrega {n}"));
        }

        var invoice = await host.DetailsAsync(await host.Documents().ConvertAsync(notes, DocumentType.Invoice));

        Assert.Equal(["Entrega 1", "Entrega 2", "Entrega 3"], invoice.Lines.OrderBy(l => l.Position).Select(l => l.Description));
        Assert.Equal([1, 2, 3], invoice.Lines.OrderBy(l => l.Position).Select(l => l.Position));
        Assert.Equal(notes, invoice.MadeFrom.Select(r => r.Id).Order());
        Assert.Equal(3 * 108_90, invoice.Totals.TotalMinor);
        foreach (var note in notes) Assert.Equal([invoice.Id], (await host.DetailsAsync(note)).TurnedInto.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_4_conversions_not_allowed_are_refused_and_save_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var other = await host.CreateAsync(ClientBuilder.Company("Otra Empresa SA"));
        var draftQuote = await host.DraftAsync(DocumentType.Quote, client);
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var note = await host.IssuedAsync(DocumentType.DeliveryNote, client);
        var otherNote = await host.IssuedAsync(DocumentType.DeliveryNote, other);
        var creditNote = await host.IssuedAsync(DocumentType.CreditNote, client);
        var documents = host.Documents();
        var before = await host.DocumentCountsAsync();

        await Expect.RefusedAsync(() => documents.ConvertAsync([draftQuote], DocumentType.Invoice), "Error.ConversionNeedsIssued");
        await Expect.RefusedAsync(() => documents.ConvertAsync([note], DocumentType.Quote), "Error.ConversionNotOffered");
        await Expect.RefusedAsync(() => documents.ConvertAsync([quote], DocumentType.CreditNote), "Error.ConversionNotOffered");
        await Expect.RefusedAsync(() => documents.ConvertAsync([creditNote], DocumentType.Invoice), "Error.ConversionNotOffered");
        await Expect.RefusedAsync(() => documents.ConvertAsync([note, otherNote], DocumentType.Invoice), "Error.ConversionMixedClients");
        await Expect.RefusedAsync(() => documents.ConvertAsync([quote, note], DocumentType.Invoice), "Error.ConversionOnlyDeliveryNotesTogether");
        await Expect.RefusedAsync(() => documents.ConvertAsync([], DocumentType.Invoice), "Error.ConversionNoSource");
        await Expect.RefusedAsync(() => documents.ConvertAsync([note, 999_999], DocumentType.Invoice), "Error.DocumentNotFound");

        Assert.Equal(before, await host.DocumentCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_4_a_cancelled_source_cannot_be_converted(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        await host.Documents().CancelAsync(quote, 2);

        await Expect.RefusedAsync(() => host.Documents().ConvertAsync([quote], DocumentType.Invoice), "Error.ConversionNeedsIssued");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_an_issued_quote_of_a_client_archived_since_cannot_be_converted(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        await host.ArchiveAsync(client);
        var before = await host.DocumentCountsAsync();

        await Expect.FieldErrorAsync(() => host.Documents().ConvertAsync([quote], DocumentType.Invoice), "ClientId", "Error.ClientArchived");

        Assert.Equal(before, await host.DocumentCountsAsync());
    }

    private static List<(string, decimal, long, decimal, long?, decimal, long)> LinesOf(DocumentDetails d) =>
        d.Lines.OrderBy(l => l.Position)
            .Select(l => (l.Description, l.Quantity, l.UnitPriceMinor, l.DiscountPercent, l.TaxRateId, l.TaxPercent, l.NetMinor)).ToList();
}
