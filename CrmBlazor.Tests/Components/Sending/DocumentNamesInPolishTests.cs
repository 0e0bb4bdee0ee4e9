using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Portal;
using CrmBlazor.Tests.Components.Documents;

namespace CrmBlazor.Tests.Components.Sending;

/// <summary>NF-1 in Polish: the send dialog's title names the document in the accusative, and its badges agree with it.</summary>
public class DocumentNamesInPolishTests : DocumentTestBase
{
    [Theory]
    [InlineData(DocumentType.Invoice, "Wyślij fakturę {0} e-mailem", "Wystawiona")]
    [InlineData(DocumentType.Quote, "Wyślij ofertę {0} e-mailem", "Wystawiona")]
    [InlineData(DocumentType.DeliveryNote, "Wyślij dowód dostawy {0} e-mailem", "Wystawiony")]
    public async Task NF_1_the_send_dialog_title_says_wyslij_fakture_and_the_badge_agrees(DocumentType type, string title, string badge)
    {
        UseCulture("pl-PL");
        var id = await IssuedAsync(await CreateCompanyAsync(), type);
        var number = (await Documents.GetAsync(id))!.Number;
        Nav.NavigateTo($"/documents/{id}");
        var cut = RenderWithProviders<DocumentDetailPage>(p => p.Add(x => x.Id, id));

        await cut.WaitForAssertionAsync(() => Assert.Equal(badge, cut.Find(".doc-status").TextContent.Trim()));
        await cut.Find("#document-actions button").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Root.Find("#action-send"));
        await Root.Find("#action-send").ClickAsync(new());

        await Root.WaitForAssertionAsync(() => Assert.Equal(string.Format(title, number), Root.Find(".mud-dialog-title").TextContent.Trim()));
    }

    [Fact]
    public void NF_1_the_portal_badges_agree_with_the_document_type()
    {
        UseCulture("pl-PL");

        var invoice = Render<PortalStatusBadge>(p => p.Add(x => x.Status, DocumentStatus.Paid).Add(x => x.Type, DocumentType.Invoice).Add(x => x.OnHold, true));
        var deliveryNote = Render<PortalStatusBadge>(p => p.Add(x => x.Status, DocumentStatus.Issued).Add(x => x.Type, DocumentType.DeliveryNote));

        Assert.Equal(["Opłacona", "Wstrzymana"], invoice.FindAll(".badge").Select(b => b.TextContent.Trim()));
        Assert.Equal("Wystawiony", deliveryNote.Find(".badge").TextContent.Trim());
    }
}
