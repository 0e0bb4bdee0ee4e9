using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>DOC-5: GET /documents/{id}/pdf in the running app, for signed-in staff only.</summary>
[Collection(AppCollection.Name)]
public class DocumentPdfEndpointTests(AppFixture fixture)
{
    [Fact]
    public async Task DOC_5_staff_download_an_issued_documents_pdf_named_after_its_number()
    {
        var (id, number) = await CreateIssuedInvoiceAsync();
        var page = await fixture.SignInAsync("sales@demo.local");

        var response = await page.APIRequest.GetAsync($"/documents/{id}/pdf");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Contains($"filename={number}.pdf", response.Headers["content-disposition"]);
        var text = PdfText.All(await response.BodyAsync());
        Assert.Contains(number, text);
        Assert.Contains("Factura", text);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/documents/987654321/pdf")).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DOC_5_the_pdf_needs_a_signed_in_user()
    {
        var (id, _) = await CreateIssuedInvoiceAsync();
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });

        var response = await context.APIRequest.GetAsync($"/documents/{id}/pdf", new APIRequestContextOptions { MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.Contains("/account/login", response.Headers["location"]);
        await context.CloseAsync();
    }

    private async Task<(long Id, string Number)> CreateIssuedInvoiceAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var clientId = await db.Clients.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var rate = await db.TaxRates.FirstAsync(t => t.Percent == 21m && t.Country == "ES");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new DocumentForm
        {
            Type = DocumentType.Invoice, ClientId = clientId, Language = "es", Currency = "EUR", IssueDate = today, DueDate = today.AddDays(30),
            Lines = [new LineInput { Description = "Revisión anual", Quantity = 1, Unit = "ud", UnitPriceMinor = 120_00, TaxRateId = rate.Id }],
        };
        var document = Document.CreateDraft(form, new Dictionary<long, decimal> { [rate.Id] = rate.Percent }, DateTime.UtcNow);
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        var sequence = Random.Shared.Next(1, 9999);
        var number = $"INV-2099-{sequence:0000}-{document.Id}";
        document.Issue(number, 2099, sequence, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return (document.Id, number);
    }
}
