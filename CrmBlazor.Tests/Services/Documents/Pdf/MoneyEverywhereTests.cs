using CrmBlazor.Documents;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Localization;
using CrmBlazor.Tests.Support.Pdf;

namespace CrmBlazor.Tests.Services.Documents.Pdf;

/// <summary>NF-1: a document's money reads the same in its email, on its PDF and on screen, in the culture's pattern.</summary>
[Collection(PrinterCollection.Name)]
public sealed class MoneyEverywhereTests(PrinterFixture fixture)
{
    [Theory]
    [InlineData("en", "EUR", "€1,210.00")]
    [InlineData("es", "EUR", "1.210,00 €")]
    [InlineData("fr", "EUR", "1 210,00 €")]
    [InlineData("pl", "PLN", "1 210,00 zł")]
    public async Task NF_1_the_total_reads_the_same_in_the_email_the_pdf_and_on_screen(string language, string currency, string expected)
    {
        await using var host = await PdfHost.CreateAsync(fixture.Printer);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var id = await host.Get<DocumentService>().CreateDraftAsync(await DocumentBuilder.InvoiceAsync(host, clientId, f =>
        {
            f.Language = language;
            f.Currency = currency;
            f.Lines[0].Quantity = 1;
            f.Lines[0].UnitPriceMinor = 1_000_00; // + 21 % tax: 1,210.00
        }));
        await host.Get<DocumentService>().IssueAsync(id);

        var email = (await host.Get<DocumentSendingService>().PrepareAsync(id)).Body;
        var pdf = PdfText.All((await host.Get<DocumentPdfService>().GetAsync(id))!.Bytes);
        string screen;
        using (new CultureScope(language)) screen = DocumentText.Money(1_210_00, currency);

        Assert.Equal(expected, PdfText.Plain(screen));
        Assert.Equal(screen, MoneyFormat.Format(1_210_00, currency, SupportedLanguages.CultureOf(language)));
        Assert.Contains(screen, email);
        Assert.Contains(expected, pdf);
    }
}
