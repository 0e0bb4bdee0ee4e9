using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Documents;

/// <summary>The document lists follow changes (DIR-8) without reloading for what they cannot show (issue 14).</summary>
public class DocumentListLiveTests : DocumentTestBase
{
    private QueryRecorder _queries = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _queries = new QueryRecorder(Host);
        Services.AddSingleton(new DocumentList(_queries.Factory, Host.Actor));
    }

    private IRenderedComponent<DocumentListView> RenderList(string url)
    {
        Nav.NavigateTo(url);
        return RenderWithProviders<DocumentListPage>().FindComponent<DocumentListView>();
    }

    private static string[] Numbers(IRenderedComponent<DocumentListView> cut) =>
        cut.FindAll("#documents-table a.doc-number").Select(a => a.TextContent.Trim()).ToArray();

    private static Dictionary<long, (DocumentListRow Row, int Renders)> RowRenders(IRenderedComponent<DocumentListView> cut) =>
        cut.FindComponents<DocumentListRow>().ToDictionary(r => r.Instance.Row.Id, r => (r.Instance, r.RenderCount));

    [Fact]
    public async Task DIR_8_a_list_filtered_to_one_client_ignores_another_clients_documents_no_query_no_render()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Chantier Naval Dupont");
        await DraftAsync(a);
        var cut = RenderList($"/documents?client={a}");
        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));
        var renders = cut.RenderCount;
        _queries.Clear();

        var other = await AsColleague<DocumentService>().CreateDraftAsync(await DocumentBuilder.FormAsync(Host, DocumentType.Invoice, b));
        await AsColleague<DocumentService>().IssueAsync(other);
        await Task.Delay(300);

        Assert.Empty(_queries.Commands);
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public async Task DIR_8_a_document_of_another_client_does_nothing_on_a_clients_documents_panel()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Chantier Naval Dupont");
        await DraftAsync(a);
        var panel = RenderWithProviders<ClientDocumentsPanel>(p => p.Add(x => x.ClientId, a));
        var cut = panel.FindComponent<DocumentListView>();
        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));
        var renders = cut.RenderCount;
        _queries.Clear();

        await DraftAsync(b);
        await Task.Delay(300);
        Assert.Empty(_queries.Commands);
        Assert.Equal(renders, cut.RenderCount);

        await AsColleague<DocumentService>().CreateDraftAsync(await DocumentBuilder.FormAsync(Host, DocumentType.Quote, a));
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));
    }

    [Fact]
    public async Task DIR_8_a_change_to_a_row_on_screen_re_reads_that_row_alone_and_renders_only_it()
    {
        var a = await CreateCompanyAsync();
        var ids = new[] { await DraftAsync(a), await DraftAsync(a), await DraftAsync(a) };
        var cut = RenderList("/documents");
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Numbers(cut).Length));
        var before = RowRenders(cut);
        _queries.Clear();

        await AsColleague<DocumentService>().IssueAsync(ids[1]);

        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut), n => n.StartsWith("INV-")));
        var read = Assert.Single(_queries.Commands);
        Assert.DoesNotContain("COUNT(", read, StringComparison.OrdinalIgnoreCase);
        var after = RowRenders(cut);
        Assert.Equal(DocumentStatus.Issued, after[ids[1]].Row.Row.Status);
        Assert.Equal(before[ids[0]], after[ids[0]]); // the same component, not rendered again
        Assert.Equal(before[ids[2]], after[ids[2]]);
    }

    [Fact]
    public async Task DOC_6_under_a_status_filter_a_document_that_leaves_the_status_leaves_the_list_live()
    {
        var a = await CreateCompanyAsync();
        var leaving = await DraftAsync(a);
        await DraftAsync(a);
        var cut = RenderList("/documents?status=Draft");
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, Numbers(cut).Length));

        await AsColleague<DocumentService>().IssueAsync(leaving);

        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));
        Assert.DoesNotContain(cut.FindComponents<DocumentListRow>(), r => r.Instance.Row.Id == leaving);
    }

    [Fact]
    public async Task DOC_6_a_quote_changing_does_nothing_on_a_list_of_invoices()
    {
        var a = await CreateCompanyAsync();
        await DraftAsync(a);
        var quote = await DraftAsync(a, DocumentType.Quote);
        var cut = RenderList("/documents?type=Invoice");
        await cut.WaitForAssertionAsync(() => Assert.Single(Numbers(cut)));
        var renders = cut.RenderCount;
        _queries.Clear();

        await AsColleague<DocumentService>().IssueAsync(quote);
        await Task.Delay(300);

        Assert.Single(_queries.Commands); // the quote's row, read once to learn its type
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public async Task DIR_8_a_burst_of_changes_ends_with_the_list_showing_the_final_state()
    {
        var a = await CreateCompanyAsync();
        var drafts = new List<long>();
        for (var i = 0; i < 4; i++) drafts.Add(await DraftAsync(a));
        var cut = RenderList($"/documents?client={a}&status=Draft");
        await cut.WaitForAssertionAsync(() => Assert.Equal(4, Numbers(cut).Length));

        var colleague = AsColleague<DocumentService>();
        var burst = new List<Task>();
        for (var i = 0; i < 12; i++) burst.Add(colleague.CreateDraftAsync(await DocumentBuilder.FormAsync(Host, DocumentType.Invoice, a)));
        await Task.WhenAll(burst);
        foreach (var id in drafts.Take(3)) await colleague.IssueAsync(id);

        var expected = (await Host.Get<DocumentList>().ListAsync(new DocumentListRequest(a, Status: DocumentStatus.Draft))).Rows.Select(r => r.Id).ToArray();
        Assert.Equal(13, expected.Length);
        await cut.WaitForAssertionAsync(() => Assert.Equal(expected, cut.FindComponents<DocumentListRow>().Select(r => r.Instance.Row.Id)));
        Assert.Contains("13", cut.Find("#documents-range").TextContent);
    }
}
