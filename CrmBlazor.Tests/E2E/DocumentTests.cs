using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// A quote for a client, issued and converted to an invoice, both pages linked (DOC-4), through a real
/// browser; keeps screenshots of the editor, the document page and the list under artifacts/screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public class DocumentTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task DOC_4_create_a_quote_issue_it_convert_it_to_an_invoice_and_see_both_linked()
    {
        Directory.CreateDirectory(Folder);
        var client = await ActiveCompanyAsync();
        var page = await fixture.SignInAsync();

        await page.GotoAsync($"/clients/{client.Id}");
        await Blazor.WaitForCircuitAsync(page);
        await page.ClickAsync(".mud-tab:has-text('Documents')");
        await page.ClickAsync("#client-new-quote");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/documents/new\?type=Quote"));
        await Blazor.WaitForCircuitAsync(page);
        await page.Locator("#line-0-quantity").WaitForAsync();
        Assert.Contains(client.Name, await page.InputValueAsync("#client-picker"));

        await page.FillAsync("#line-0-description", "Hull inspection and report");
        await page.FillAsync("#line-0-quantity", "3");
        await page.FillAsync("#line-0-unit", "h");
        await page.FillAsync("#line-0-price", "85");
        await page.FocusAsync("#line-0-discount");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#line-1-description").WaitForAsync();
        await page.FillAsync("#line-1-description", "Antifouling paint, 2.5 l");
        await page.FillAsync("#line-1-quantity", "4");
        await page.FillAsync("#line-1-price", "62.50");
        await page.FillAsync("#line-1-discount", "10");
        await page.ClickAsync("#line-add");
        await page.FillAsync("#line-2-description", "Haul-out and blocking");
        await page.FillAsync("#line-2-price", "410");
        await Assertions.Expect(page.Locator("#total-net")).ToHaveTextAsync("€890.00"); // 255 + 225 + 410
        await ShotAsync(page, "documents-editor");

        await page.ClickAsync("#document-save");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
        var quoteUrl = page.Url;
        await Assertions.Expect(page.Locator("#document-number")).ToHaveTextAsync("Draft");

        await page.ClickAsync("#document-actions");
        await page.ClickAsync("#action-issue");
        await Assertions.Expect(page.Locator("#document-number")).Not.ToHaveTextAsync("Draft");
        var quoteNumber = (await page.InnerTextAsync("#document-number")).Trim();
        await Assertions.Expect(page.Locator(".doc-status").First).ToHaveTextAsync("Issued");
        await Assertions.Expect(page.Locator("#document-preview")).ToContainTextAsync(quoteNumber);

        // The PDF the client gets: downloaded from the page, read back.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal($"{quoteNumber}.pdf", download.SuggestedFilename);
        Assert.Contains(quoteNumber, Support.Pdf.PdfText.Plain(Support.Pdf.PdfText.All(pdf)));

        await page.ClickAsync("#document-actions");
        await page.ClickAsync("#action-convert-invoice");
        await Assertions.Expect(page).Not.ToHaveURLAsync(quoteUrl);
        await Assertions.Expect(page.Locator("#document-type")).ToHaveTextAsync("Invoice");
        await Assertions.Expect(page.Locator("#made-from a.related-link")).ToHaveTextAsync($"Quote {quoteNumber}");
        var invoiceUrl = page.Url;

        await page.ClickAsync("#made-from a.related-link");
        await Assertions.Expect(page).ToHaveURLAsync(quoteUrl);
        await Assertions.Expect(page.Locator("#turned-into a.related-link")).ToHaveTextAsync("Invoice (draft)");
        Assert.EndsWith(new Uri(invoiceUrl).AbsolutePath, await page.GetAttributeAsync("#turned-into a.related-link", "href"));
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync()) await close.ClickAsync();
        await page.Locator(".mud-snackbar").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ShotAsync(page, "documents-page");

        await page.GotoAsync("/documents");
        await Blazor.WaitForCircuitAsync(page);
        await page.Locator("#documents-table a.doc-number").First.WaitForAsync();
        await ShotAsync(page, "documents-list");
        await page.Context.CloseAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private async Task<(long Id, string Name)> ActiveCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var c = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active && c.Currency == "EUR")
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync();
        return (c.Id, c.Name);
    }
}
