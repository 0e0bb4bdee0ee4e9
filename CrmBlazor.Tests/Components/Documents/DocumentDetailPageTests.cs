using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;

namespace CrmBlazor.Tests.Components.Documents;

/// <summary>The document page: actions by status, conversions and their links (DOC-4), live reload (DIR-8).</summary>
public class DocumentDetailPageTests : DocumentTestBase
{
    private IRenderedComponent<DocumentDetailPage> RenderPage(long id)
    {
        Nav.NavigateTo($"/documents/{id}");
        return RenderWithProviders<DocumentDetailPage>(p => p.Add(x => x.Id, id));
    }

    private async Task<string[]> OpenActionsAsync(IRenderedComponent<DocumentDetailPage> cut)
    {
        await cut.WaitForAssertionAsync(() => cut.Find("#document-actions button"));
        await cut.Find("#document-actions button").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Root.Find("#action-pdf"));
        return Root.FindAll(".mud-menu-item").Select(i => i.Id ?? i.QuerySelector("[id]")?.Id ?? "").Where(i => i.StartsWith("action-", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task DOC_3_a_draft_shows_draft_its_badge_and_offers_edit_and_issue_only()
    {
        var id = await DraftAsync(await CreateCompanyAsync("Astillero Norte SL"));
        var cut = RenderPage(id);

        await cut.WaitForAssertionAsync(() => Assert.Equal("Draft", cut.Find("#document-number").TextContent.Trim()));
        Assert.Equal("Draft", cut.Find(".doc-status").TextContent.Trim());
        Assert.Equal("Astillero Norte SL", cut.Find("#document-client").TextContent.Trim());
        Assert.Equal($"/documents/{id}/pdf", cut.Find("#download-pdf").GetAttribute("href"));
        Assert.True(cut.Find("#download-pdf").HasAttribute("download"));
        Assert.Equal(["action-edit", "action-issue", "action-pdf"], await OpenActionsAsync(cut));
    }

    [Fact]
    public async Task DOC_4_an_issued_quote_offers_cancel_change_client_and_its_conversions()
    {
        var id = await IssuedAsync(await CreateCompanyAsync(), DocumentType.Quote);
        var cut = RenderPage(id);

        Assert.Equal(["action-convert-deliverynote", "action-convert-proforma", "action-convert-invoice", "action-send", "action-change-client", "action-cancel", "action-pdf"],
            await OpenActionsAsync(cut));
        Assert.NotEqual("Draft", cut.Find("#document-number").TextContent.Trim());
    }

    [Fact]
    public async Task DOC_3_issue_in_the_menu_numbers_the_draft_and_the_badge_changes()
    {
        var id = await DraftAsync(await CreateCompanyAsync());
        var cut = RenderPage(id);
        await OpenActionsAsync(cut);

        await Root.Find("#action-issue").ClickAsync(new());

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.StartsWith("INV-", cut.Find("#document-number").TextContent.Trim());
            Assert.Equal("Issued", cut.Find(".doc-status").TextContent.Trim());
        });
    }

    [Fact]
    public async Task DOC_4_converting_opens_the_new_draft_and_both_pages_link_each_other()
    {
        var quote = await IssuedAsync(await CreateCompanyAsync(), DocumentType.Quote);
        var cut = RenderPage(quote);
        await OpenActionsAsync(cut);

        await Root.Find("#action-convert-invoice").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Matches(@"/documents/\d+$", Nav.Uri));
        var invoice = long.Parse(Nav.Uri.Split('/')[^1]);
        Assert.NotEqual(quote, invoice);
        await cut.WaitForAssertionAsync(() =>
        {
            var link = cut.Find("#turned-into a.related-link");
            Assert.Equal($"/documents/{invoice}", link.GetAttribute("href"));
            Assert.Equal("Invoice (draft)", link.TextContent.Trim());
        });

        await DisposeComponentsAsync();
        var target = RenderPage(invoice);
        await target.WaitForAssertionAsync(() =>
        {
            var link = target.Find("#made-from a.related-link");
            Assert.Equal($"/documents/{quote}", link.GetAttribute("href"));
            Assert.StartsWith("Quote ", link.TextContent.Trim());
        });
    }

    [Fact]
    public async Task DIR_8_the_page_reloads_when_a_colleague_issues_the_document()
    {
        var id = await DraftAsync(await CreateCompanyAsync());
        var cut = RenderPage(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Draft", cut.Find("#document-number").TextContent.Trim()));

        await AsColleague<DocumentService>().IssueAsync(id);

        await cut.WaitForAssertionAsync(() => Assert.StartsWith("INV-", cut.Find("#document-number").TextContent.Trim()));
    }

    [Fact]
    public async Task DOC_3_cancel_asks_first_then_the_badge_says_cancelled()
    {
        var id = await IssuedAsync(await CreateCompanyAsync());
        var cut = RenderPage(id);
        await OpenActionsAsync(cut);

        var cancelling = Root.Find("#action-cancel").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Contains("cannot be reopened", Root.Find(".mud-dialog").TextContent));
        await Root.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel document").ClickAsync(new());
        await cancelling;

        await cut.WaitForAssertionAsync(() => Assert.Equal("Cancelled", cut.Find(".doc-status").TextContent.Trim()));
    }

    [Fact]
    public async Task DOC_7_the_client_of_an_issued_invoice_is_changed_in_a_dialog_and_both_histories_link_to_it()
    {
        var from = await CreateCompanyAsync("Astillero Norte SL");
        var to = await CreateCompanyAsync("Chantier Naval Dupont");
        var id = await IssuedAsync(from);
        var cut = RenderPage(id);
        await OpenActionsAsync(cut);

        var opening = Root.Find("#action-change-client").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Root.Find("#change-client-save"));
        var picker = Root.FindComponent<ChangeClientDialog>().FindComponent<CrmBlazor.Clients.ClientPicker>();
        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(
            new ClientOption(to, ClientKind.Company, "Chantier Naval Dupont", "", ClientStatus.Active)));
        await Root.Find("#change-client-save").ClickAsync(new());
        await opening;

        await cut.WaitForAssertionAsync(() => Assert.Equal("Chantier Naval Dupont", cut.Find("#document-client").TextContent.Trim()));
        await DisposeComponentsAsync();
        Nav.NavigateTo($"/clients/{from}");
        var history = RenderWithProviders<CrmBlazor.History.HistoryTab>(p => p.Add(x => x.ClientId, from));
        await history.WaitForAssertionAsync(() =>
        {
            var moved = history.FindAll(".history-item").First(i => i.TextContent.Contains(T["HistoryKind." + HistoryKind.DocumentClientChanged]));
            Assert.Matches(@"Invoice INV-\S+ moved from Astillero Norte SL to Chantier Naval Dupont", moved.TextContent);
            Assert.Equal($"/documents/{id}", moved.QuerySelector("a.history-link")!.GetAttribute("href"));
            var issued = history.FindAll(".history-item").First(i => i.TextContent.Contains(T["HistoryKind." + HistoryKind.DocumentIssued]));
            Assert.Contains("Invoice INV-", issued.TextContent);
            Assert.Equal($"/documents/{id}", issued.QuerySelector("a.history-link")!.GetAttribute("href"));
        });
    }
}
