using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Components.Documents;

/// <summary>The editor: live totals, field errors next to each line field (NF-3), the client's language (DOC-8), inactive clients (DEA-7).</summary>
public class DocumentEditorTests : DocumentTestBase
{
    private IRenderedComponent<DocumentEditorPage> RenderNew(DocumentType type, long? client = null)
    {
        Nav.NavigateTo(client is null ? $"/documents/new?type={type}" : $"/documents/new?type={type}&client={client}");
        return RenderWithProviders<DocumentEditorPage>();
    }

    private static async Task FillLineAsync(IRenderedComponent<DocumentEditorPage> cut, int index, string description, string quantity, string price)
    {
        await cut.Find($"#line-{index}-description").ChangeAsync(new() { Value = description });
        await cut.Find($"#line-{index}-quantity").InputAsync(new() { Value = quantity });
        await cut.Find($"#line-{index}-price").InputAsync(new() { Value = price });
    }

    private async Task<int> DocumentCountAsync()
    {
        await using var db = Host.Db();
        return await db.Documents.CountAsync();
    }

    [Fact]
    public async Task NF_3_totals_update_live_as_a_quantity_changes()
    {
        var client = await CreateCompanyAsync();
        var cut = RenderNew(DocumentType.Quote, client);
        await cut.WaitForAssertionAsync(() => cut.Find("#line-0-quantity"));

        await FillLineAsync(cut, 0, "Hull repair", "2", "45");
        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("€90.00", cut.Find("#line-0-net").TextContent.Trim());
            Assert.Equal("€108.90", cut.Find("#total-total").TextContent.Trim());
        });

        await cut.Find("#line-0-quantity").InputAsync(new() { Value = "3" });

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("€135.00", cut.Find("#line-0-net").TextContent.Trim());
            Assert.Equal("€135.00", cut.Find("#total-net").TextContent.Trim());
            Assert.Contains("€28.35", cut.Find(".total-tax").TextContent);
            Assert.Equal("€163.35", cut.Find("#total-total").TextContent.Trim());
        });
    }

    [Fact]
    public async Task NF_3_a_line_with_a_bad_quantity_shows_the_error_next_to_it_and_nothing_is_saved()
    {
        var client = await CreateCompanyAsync();
        var cut = RenderNew(DocumentType.Invoice, client);
        await cut.WaitForAssertionAsync(() => cut.Find("#line-0-quantity"));
        await FillLineAsync(cut, 0, "Hull repair", "2", "45");
        await cut.Find("#line-add").ClickAsync(new());
        await cut.WaitForAssertionAsync(() => cut.Find("#line-1-quantity"));
        await FillLineAsync(cut, 1, "Antifouling", "0", "10");

        await cut.Find("#document-save").ClickAsync(new());

        await cut.WaitForAssertionAsync(() =>
            Assert.Equal("The quantity must be above 0 and at most 1000000.", FieldMessage(cut, "line-1-quantity")));
        Assert.Equal(string.Empty, FieldMessage(cut, "line-0-quantity"));
        Assert.Equal(0, await DocumentCountAsync());
        Assert.EndsWith("/documents/new?type=Invoice&client=" + client, Nav.Uri);
    }

    [Fact]
    public async Task DOC_8_picking_a_client_sets_its_language_and_currency()
    {
        var client = await CreateCompanyAsync("Chantier Naval Dupont", f => { f.Language = "fr"; f.Currency = "CHF"; });
        var cut = RenderNew(DocumentType.Quote);
        await cut.WaitForAssertionAsync(() => cut.Find("#client-picker"));

        var picker = cut.FindComponent<ClientPicker>();
        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new ClientOption(client, ClientKind.Company, "Chantier Naval Dupont", "", ClientStatus.Active)));

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Français", cut.Find("#field-language").GetAttribute("value"));
            Assert.Equal("CHF", cut.Find("#field-currency").GetAttribute("value"));
        });
    }

    [Fact]
    public async Task DEA_7_an_inactive_client_can_be_picked_is_marked_and_the_draft_saves()
    {
        var client = await CreateCompanyAsync("Astillero Norte SL");
        await DeactivateAsync(client);
        var cut = RenderNew(DocumentType.Quote, client);
        await cut.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SL (Inactive)", cut.Find("#client-picker").GetAttribute("value")));
        await FillLineAsync(cut, 0, "Hull repair", "1", "100");

        await cut.Find("#document-save").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Matches(@"/documents/\d+$", Nav.Uri));
        var saved = await Documents.GetAsync(long.Parse(Nav.Uri.Split('/')[^1]));
        Assert.Equal(client, saved!.ClientId);
        Assert.Equal(10000, saved.Lines.Single().UnitPriceMinor);
    }

    [Fact]
    public async Task NF_3_saving_a_draft_a_colleague_changed_meanwhile_shows_a_message()
    {
        var client = await CreateCompanyAsync();
        var id = await DraftAsync(client);
        Nav.NavigateTo($"/documents/{id}/edit");
        var cut = RenderWithProviders<DocumentEditorPage>(p => p.Add(x => x.Id, id));
        await cut.WaitForAssertionAsync(() => cut.Find("#line-0-quantity"));
        var colleague = AsColleague<DocumentService>();
        await colleague.UpdateDraftAsync(id, (await Documents.GetAsync(id))!.ToForm(), 1);

        await cut.Find("#document-save").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal(T["Error.DocumentConcurrentEdit"], cut.Find("#editor-error").TextContent.Trim()));
    }
}
