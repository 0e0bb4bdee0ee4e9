using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Components.Documents;

/// <summary>The document list (DOC-6): filters from the URL, one status badge everywhere (DOC-3), live rows (DIR-8).</summary>
public class DocumentListTests : DocumentTestBase
{
    private IRenderedComponent<DocumentListPage> RenderList(string url)
    {
        Nav.NavigateTo(url);
        return RenderWithProviders<DocumentListPage>();
    }

    private static string[] Numbers(IRenderedComponent<DocumentListPage> cut) =>
        cut.FindAll("#documents-table a.doc-number").Select(a => a.TextContent.Trim()).ToArray();

    private static string[] Clients(IRenderedComponent<DocumentListPage> cut) =>
        cut.FindAll("#documents-table td.doc-client").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task DOC_6_the_list_shows_number_or_draft_type_client_total_and_status()
    {
        var client = await CreateCompanyAsync("Astillero Norte SL");
        var invoice = await IssuedAsync(client);
        await DraftAsync(client, DocumentType.Quote);

        var cut = RenderList("/documents");

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));
        var rows = cut.FindAll("#documents-table tbody tr");
        var draft = rows.Single(r => r.TextContent.Contains("Quote"));
        Assert.Contains("Draft", draft.QuerySelector("a.doc-number")!.TextContent);
        Assert.Equal("Draft", draft.QuerySelector(".doc-status")!.TextContent.Trim());
        var issued = rows.Single(r => r.TextContent.Contains("Invoice"));
        Assert.StartsWith("INV-", issued.QuerySelector("a.doc-number")!.TextContent.Trim());
        Assert.Equal($"/documents/{invoice}", issued.QuerySelector("a.doc-number")!.GetAttribute("href"));
        Assert.Equal("Astillero Norte SL", issued.QuerySelector("td.doc-client")!.TextContent.Trim());
        Assert.Equal("€108.90", issued.QuerySelector("td.doc-total")!.TextContent.Trim()); // 2 × 45.00 + 21 %
        Assert.Equal("Issued", issued.QuerySelector(".doc-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task DOC_6_filters_by_client_type_and_status_come_from_the_url()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Chantier Naval Dupont");
        await IssuedAsync(a);
        await DraftAsync(a);
        await DraftAsync(a, DocumentType.Quote);
        await IssuedAsync(b);

        var cut = RenderList($"/documents?client={a}&type=Invoice&status=Issued");

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Astillero Norte SL"], Clients(cut)));
        Assert.StartsWith("INV-", Numbers(cut).Single());
        Assert.Equal("Astillero Norte SL", cut.Find("#client-picker").GetAttribute("value"));
    }

    [Fact]
    public async Task DOC_6_picking_a_type_puts_it_in_the_url_and_filters()
    {
        var a = await CreateCompanyAsync();
        await DraftAsync(a);
        await DraftAsync(a, DocumentType.Quote);
        var cut = RenderList("/documents");
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));

        await SelectAsync<DocumentType?>(cut, "filter-type", DocumentType.Quote);

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.EndsWith("/documents?type=Quote", Nav.Uri);
            Assert.Equal(["Quote"], cut.FindAll("#documents-table td.doc-type").Select(t => t.TextContent.Trim()));
        });
    }

    [Fact]
    public async Task DOC_6_a_date_range_in_the_url_limits_the_issue_dates()
    {
        var a = await CreateCompanyAsync();
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);
        await DraftAsync(a, change: f => { f.IssueDate = today.AddDays(-40); f.DueDate = today; });
        await DraftAsync(a);
        var cut = RenderList($"/documents?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void DOC_3_every_status_has_its_own_badge(DocumentStatus status)
    {
        var cut = Render<DocumentStatusBadge>(p => p.Add(x => x.Status, status));

        Assert.Equal(T["DocumentStatus." + status], cut.Find(".doc-status").TextContent.Trim());
        Assert.Contains($"doc-status-{status.ToString().ToLowerInvariant()}", cut.Find(".doc-status").ClassName);
    }

    public static TheoryData<DocumentStatus> Statuses => new(Enum.GetValues<DocumentStatus>());

    [Fact]
    public async Task DIR_8_a_document_a_colleague_creates_appears_in_the_open_list()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        await DraftAsync(a);
        var cut = RenderList("/documents");
        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));

        await AsColleague<DocumentService>().CreateDraftAsync(await DocumentBuilder.FormAsync(Host, DocumentType.Quote, a));

        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));
    }

    [Fact]
    public async Task DOC_4_selected_delivery_notes_become_one_invoice()
    {
        var a = await CreateCompanyAsync();
        var first = await IssuedAsync(a, DocumentType.DeliveryNote);
        var second = await IssuedAsync(a, DocumentType.DeliveryNote);
        var cut = RenderList("/documents?type=DeliveryNote");
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));

        foreach (var box in cut.FindAll("#documents-table tbody tr input[type=checkbox]").ToList())
            await box.ChangeAsync(new() { Value = true });
        await cut.WaitForAssertionAsync(() => Assert.Contains("(2)", cut.Find("#convert-selected").TextContent));
        await cut.Find("#convert-selected").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Matches(@"/documents/\d+$", Nav.Uri));
        var id = long.Parse(Nav.Uri.Split('/')[^1]);
        var invoice = await Documents.GetAsync(id);
        Assert.Equal(DocumentType.Invoice, invoice!.Type);
        Assert.Equal([first, second], invoice.MadeFrom.Select(d => d.Id).Order());
        Assert.Equal(2, invoice.Lines.Count);
    }
}
