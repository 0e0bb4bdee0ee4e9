using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Clients.Archive;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;

namespace CrmBlazor.Tests.Components.Clients.Archive;

/// <summary>"Delete selected" on the list with its confirmation and Undo (ARC-1), and the Archive page (ARC-3, ARC-4).</summary>
public class ArchiveComponentTests : ComponentTestBase
{
    private IReadOnlyList<long> _ids = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _ids = await SeedCompaniesAsync(3);
    }

    private static string[] Names(IRenderedComponent<ClientListPage> cut) =>
        cut.FindAll("#client-table a.client-name").Select(a => a.TextContent.Trim()).ToArray();

    private static string[] ArchivedNames(IRenderedComponent<ArchiveListPage> cut) =>
        cut.FindAll("#archive-table .archived-name").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task ARC_1_delete_selected_confirms_that_it_is_not_a_deletion_for_good_moves_the_rows_to_the_archive_and_undo_brings_them_back()
    {
        Nav.NavigateTo("/companies");
        var cut = RenderWithProviders<ClientListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Names(cut).Length));
        Assert.True(cut.Find("#delete-selected").HasAttribute("disabled"));

        await Root.FindAll("#client-table tbody tr .row-select input[type=checkbox]")[0].ChangeAsync(new() { Value = true });
        await Root.FindAll("#client-table tbody tr .row-select input[type=checkbox]")[2].ChangeAsync(new() { Value = true });
        Assert.Equal("Delete selected (2)", cut.Find("#delete-selected").TextContent.Trim());
        // The click's handler waits for the dialog's answer: it ends when the dialog closes.
        var asking = cut.Find("#delete-selected").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Contains("not a deletion for good", Root.Find("#archive-not-for-good").TextContent));
        Assert.Equal("Delete the 2 selected clients?", Root.Find("#archive-question").TextContent.Trim());
        await Root.Find("#archive-cancel").ClickAsync(new());
        await asking;
        Assert.Empty(Root.FindAll("#archive-question"));
        Assert.Equal(3, Names(cut).Length); // cancelled: nothing moved

        asking = cut.Find("#delete-selected").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Root.Find("#archive-confirm"));
        await Root.Find("#archive-confirm").ClickAsync(new());
        await asking;

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 002"], Names(cut)));
        Assert.Equal(ClientStatus.Archived, (await Host.LoadAsync(_ids[0])).Status);
        var snackbar = Root.Find(".archive-undo-snackbar");
        Assert.Contains("2 moved to the Archive.", snackbar.TextContent);
        Assert.Equal(8, ArchiveFlow.UndoSeconds);

        await snackbar.QuerySelector("button")!.ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Names(cut).Length));
        Assert.Equal(ClientStatus.Active, (await Host.LoadAsync(_ids[2])).Status);
    }

    [Fact]
    public async Task ARC_1_the_row_delete_names_the_client_and_another_users_archive_drops_the_row_live()
    {
        Nav.NavigateTo("/companies");
        var cut = RenderWithProviders<ClientListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Names(cut).Length));

        var asking = cut.FindAll("#client-table .row-delete")[1].ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal("Delete Company 002?", Root.Find("#archive-question").TextContent.Trim()));
        await Root.Find("#archive-cancel").ClickAsync(new());
        await asking;

        await AsColleague<ClientArchiveService>().ArchiveAsync([_ids[0]]);

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 002", "Company 003"], Names(cut)));
    }

    [Fact]
    public async Task ARC_3_the_archive_page_lists_previews_restores_selected_and_updates_live()
    {
        await Host.Get<ClientArchiveService>().ArchiveAsync([_ids[0], _ids[1]]);
        var cut = RenderWithProviders<ArchiveListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 001", "Company 002"], ArchivedNames(cut)));
        Assert.Equal($"/mail?client={_ids[0]}", cut.FindAll("#archive-table .row-mail")[0].GetAttribute("href"));

        await cut.FindAll("#archive-table .row-preview")[1].ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Equal("Company 002", Root.Find("#preview-name").TextContent.Trim()));
        Assert.Empty(Root.FindAll("#archive-preview input")); // read-only
        await Root.Find("#preview-close").ClickAsync(new());

        await AsColleague<ClientArchiveService>().ArchiveAsync([_ids[2]]);
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, ArchivedNames(cut).Length));

        await Root.FindAll("#archive-table tbody tr .row-select input[type=checkbox]")[0].ChangeAsync(new() { Value = true });
        await Root.FindAll("#archive-table tbody tr .row-select input[type=checkbox]")[2].ChangeAsync(new() { Value = true });
        await cut.Find("#restore-selected").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 002"], ArchivedNames(cut)));
        Assert.Equal(ClientStatus.Active, (await Host.LoadAsync(_ids[2])).Status);
    }

    [Fact]
    public async Task ARC_4_permanent_deletion_needs_the_typed_name_and_explains_a_refusal_for_issued_invoices()
    {
        await Host.IssuedAsync(DocumentType.Invoice, _ids[1]);
        await Host.Get<ClientArchiveService>().ArchiveAsync([_ids[0], _ids[1]]);
        var cut = RenderWithProviders<ArchiveListPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, ArchivedNames(cut).Length));

        var asking = cut.FindAll("#archive-table .row-delete-forever")[1].ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Contains("1 issued invoice or credit note names it", Root.Find("#delete-refused").TextContent));
        Assert.True(Root.Find("#delete-forever").HasAttribute("disabled"));
        await Root.Find("#delete-cancel").ClickAsync(new());
        await asking;
        Assert.Empty(Root.FindAll("#delete-refused"));

        asking = cut.FindAll("#archive-table .row-delete-forever")[0].ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Root.Find("#delete-confirmation"));
        Assert.True(Root.Find("#delete-forever").HasAttribute("disabled"));
        await Root.Find("#delete-confirmation").InputAsync(new() { Value = "Company 001" });
        await Root.WaitForAssertionAsync(() => Assert.False(Root.Find("#delete-forever").HasAttribute("disabled")));
        await Root.Find("#delete-forever").ClickAsync(new());
        await asking;

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Company 002"], ArchivedNames(cut)));
        Assert.Null(await Host.Get<ClientService>().GetAsync(_ids[0]));
    }
}
