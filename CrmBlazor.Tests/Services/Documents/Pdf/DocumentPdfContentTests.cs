using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Pdf;

namespace CrmBlazor.Tests.Services.Documents.Pdf;

/// <summary>DOC-5: what the printed PDF says, read back with PdfPig from a real Chromium print.</summary>
[Collection(PrinterCollection.Name)]
public sealed class DocumentPdfContentTests(PrinterFixture fixture)
{
    [Fact]
    public async Task DOC_5_an_invoice_shows_its_number_client_address_tax_breakdown_totals_and_payment_details()
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        await SetBankAsync(host);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company("Astillero Norte SL", c => { c.Street = "Muelle 4"; c.PostalCode = "48001"; }));
        var rates = await host.Get<SettingsService>().TaxRatesAsync();
        var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId, f =>
        {
            f.Language = "en";
            f.Lines.Add(new LineInput { Description = "Antifouling paint", Quantity = 1, Unit = "pc", UnitPriceMinor = 100_00, TaxRateId = DocumentBuilder.Rate(rates, 10m, "ES") });
        }));
        var number = await host.Get<DocumentService>().IssueAsync(id);

        var text = PdfText.All((await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);

        Assert.Contains("Invoice", text);
        Assert.Contains(number, text);
        Assert.Contains("Astillero Norte SL", text);
        Assert.Contains("Muelle 4", text);
        Assert.Contains("VAT ID: ESB12345678", text);
        Assert.Contains("Tax breakdown", text);
        Assert.Contains("21 % €90.00 €18.90", text);
        Assert.Contains("10 % €100.00 €10.00", text);
        Assert.Contains("Net total €190.00", text);
        Assert.Contains("Total tax €28.90", text);
        Assert.Contains("Total €218.90", text);
        Assert.Contains("ES91 2100 0418 4502 0005 1332", text);
        Assert.Contains("Page 1 of 1", text);
        Assert.DoesNotContain("DRAFT", text);
    }

    [Theory]
    [InlineData("es", "Factura", "Fecha de emisión", "Página 1 de 1", "Diseño")]
    [InlineData("fr", "Facture", "Date d'émission", "Page 1 sur 1", "Désignation")]
    [InlineData("pl", "Faktura", "Termin płatności", "Strona 1 z 1", "Łódź")]
    public async Task DOC_5_a_document_prints_in_its_own_language_with_its_diacritics(string language, string title, string label, string footer, string word)
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company("Peñalara Łódź Société"));
        var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId, f =>
        {
            f.Language = language;
            f.Lines[0].Description = "Diseño de señalización";
        }));
        await host.Get<DocumentService>().IssueAsync(id);

        var text = PdfText.All((await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);

        Assert.Contains(title, text);
        Assert.Contains(label, text);
        Assert.Contains(footer, text);
        Assert.Contains(word, text);
        Assert.Contains("Peñalara Łódź Société", text);
        Assert.Contains("108,90 €", text);
    }

    [Fact]
    public async Task DOC_5_a_120_line_invoice_runs_onto_several_pages_each_numbered_and_with_the_table_header()
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId, f =>
        {
            f.Language = "pl";
            var line = f.Lines[0];
            f.Lines = Enumerable.Range(1, 120).Select(i => new LineInput
            {
                Description = $"Pozycja numer {i}", Quantity = 1, Unit = "szt", UnitPriceMinor = 10_00, TaxRateId = line.TaxRateId,
            }).ToList();
        }));
        await host.Get<DocumentService>().IssueAsync(id);

        var pages = PdfText.Pages((await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);

        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Strona {i + 1} z {pages.Count}", pages[i]);
            Assert.Contains("Opis", pages[i]);
            Assert.Contains("Cena jedn.", pages[i]);
        }
        Assert.Contains("Pozycja numer 120", pages[^1]);
        Assert.Contains("Do zapłaty 1452,00 €", pages[^1].Replace("1 452", "1452"));
    }

    [Fact]
    public async Task DOC_5_a_draft_is_marked_as_draft_and_named_after_its_id()
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId));

        var file = (await host.Get<DocumentPdfService>().GetAsync(id))!;

        Assert.Equal($"draft-{id}.pdf", file.FileName);
        Assert.Contains("BORRADOR", PdfText.All(file.Bytes));
    }

    private static async Task SetBankAsync(DomainHost host)
    {
        var settings = host.Get<SettingsService>();
        var s = await settings.GetAsync();
        s.BankAccount = "ES91 2100 0418 4502 0005 1332";
        await settings.SaveAsync(s, s.Version);
    }
}
