using Bunit;
using CrmBlazor.Documents;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Tests.Components.Documents;

namespace CrmBlazor.Tests.Components.Payments;

/// <summary>SND-5 / SND-6 on the document page: the payments panel, the Record payment dialog, and badges that change live.</summary>
public class DocumentPaymentsPanelTests : DocumentTestBase
{
    private IRenderedComponent<DocumentDetailPage> RenderPage(long id)
    {
        Nav.NavigateTo($"/documents/{id}");
        return RenderWithProviders<DocumentDetailPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public async Task SND_6_a_colleagues_part_payment_shows_partly_paid_and_the_row_without_reloading()
    {
        var id = await IssuedAsync(await CreateCompanyAsync());
        var cut = RenderPage(id);
        await cut.WaitForAssertionAsync(() => Assert.Equal("No payment yet.", cut.Find("#payments-none").TextContent.Trim()));

        await AsColleague<StaffPayments>().RecordPaymentAsync(id, 8_90, new DateOnly(2026, 11, 20), PaymentMethod.Cash);

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal("Partly paid", cut.Find(".doc-status").TextContent.Trim());
            Assert.Contains("Balance due €100.00", cut.Find("#payments-summary").TextContent);
            Assert.Equal(["11/20/2026", "€8.90", "Cash"], cut.FindAll("#payments-table .payment-row td").Select(td => td.TextContent.Trim()).ToArray());
        });
    }

    [Fact]
    public async Task SND_5_the_record_payment_dialog_shows_an_amount_above_the_balance_at_its_field_and_saves_nothing()
    {
        var id = await IssuedAsync(await CreateCompanyAsync());
        var cut = RenderPage(id);
        await cut.WaitForAssertionAsync(() => cut.Find("#record-payment"));

        await cut.Find("#record-payment").ClickAsync(new());
        await Root.WaitForAssertionAsync(() => Assert.Contains("€108.90", Root.Find("#payment-balance").TextContent));
        Root.Find("#payment-amount").Change("200");
        await Root.Find("#payment-save").ClickAsync(new());

        await Root.WaitForAssertionAsync(() =>
            Assert.Contains("at most the balance due", Root.Find(".mud-dialog").TextContent));
        Assert.Equal("Issued", cut.Find(".doc-status").TextContent.Trim());
        Assert.Empty((await AsColleague<StaffPayments>().GetAsync(id))!.Payments);
    }
}
