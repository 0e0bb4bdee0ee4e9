using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Domain.Documents;

/// <summary>DOC-3 and DOC-4 on the document itself: what each status allows, which conversions exist.</summary>
public class DocumentRulesTests
{
    [Fact]
    public void DOC_3_an_issued_document_can_no_longer_be_edited()
    {
        var document = Draft(Form());
        document.Issue("INV-2026-0001", 2026, 1, Now);

        Expect.Refused(() => document.EditDraft(Form(), Rates, Now), "Error.DocumentNotDraft");
        Expect.Refused(() => document.Issue("INV-2026-0002", 2026, 2, Now), "Error.DocumentNotDraft");
        Assert.Equal("INV-2026-0001", document.Number);
    }

    [Fact]
    public void DOC_3_a_draft_cannot_be_cancelled_and_a_cancelled_one_not_again()
    {
        var document = Draft(Form());
        Expect.Refused(() => document.Cancel(Now), "Error.DocumentCannotCancel");

        document.Issue("INV-2026-0001", 2026, 1, Now);
        document.Cancel(Now);

        Assert.Equal(DocumentStatus.Cancelled, document.Status);
        Expect.Refused(() => document.Cancel(Now), "Error.DocumentCannotCancel");
    }

    [Fact]
    public void DOC_3_the_type_of_a_draft_is_fixed()
    {
        var document = Draft(Form());

        Expect.Refused(() => document.EditDraft(Form(DocumentType.Quote), Rates, Now), "Error.DocumentTypeFixed");
    }

    [Fact]
    public void DOC_4_the_conversion_table_is_the_one_the_spec_lists()
    {
        Assert.Equal([DocumentType.DeliveryNote, DocumentType.Proforma, DocumentType.Invoice], DocumentTypes.ConvertsTo(DocumentType.Quote));
        Assert.Equal([DocumentType.Invoice], DocumentTypes.ConvertsTo(DocumentType.DeliveryNote));
        Assert.Equal([DocumentType.Invoice], DocumentTypes.ConvertsTo(DocumentType.Proforma));
        Assert.Equal([DocumentType.CreditNote], DocumentTypes.ConvertsTo(DocumentType.Invoice));
        Assert.Empty(DocumentTypes.ConvertsTo(DocumentType.CreditNote));
    }

    [Fact]
    public void DOC_4_a_draft_or_a_target_not_offered_cannot_be_converted()
    {
        var document = Draft(Form(DocumentType.DeliveryNote));
        Expect.Refused(() => document.ToConversion(DocumentType.Invoice, Today, 30), "Error.ConversionNeedsIssued");

        document.Issue("DN-2026-0001", 2026, 1, Now);
        Expect.Refused(() => document.ToConversion(DocumentType.Quote, Today, 30), "Error.ConversionNotOffered");
    }

    [Fact]
    public void DOC_4_a_conversion_keeps_client_language_currency_and_lines_with_new_dates()
    {
        var form = Form(DocumentType.Quote, Line(Rate10, 2.5m, 12_34, 12.5m, "Pintura"), Line(Rate21, 1m, 99, description: "Casco"));
        form.Language = "fr";
        form.Currency = "CHF";
        var quote = Draft(form);
        quote.Issue("Q-2026-0001", 2026, 1, Now);

        var invoice = quote.ToConversion(DocumentType.Invoice, Today.AddDays(3), 14);

        Assert.Equal((DocumentType.Invoice, 1L, "fr", "CHF"), (invoice.Type, invoice.ClientId, invoice.Language, invoice.Currency));
        Assert.Equal((Today.AddDays(3), Today.AddDays(17), (DateOnly?)null), (invoice.IssueDate, invoice.DueDate, invoice.ValidUntil));
        Assert.Equal([("Pintura", 2.5m, 12_34L, 12.5m, (long?)Rate10), ("Casco", 1m, 99L, 0m, Rate21)],
            invoice.Lines.Select(l => (l.Description, l.Quantity, l.UnitPriceMinor, l.DiscountPercent, l.TaxRateId)));
    }
}
