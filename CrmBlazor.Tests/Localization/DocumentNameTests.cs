using CrmBlazor.Documents;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Localization;
using CrmBlazor.Tests.Support.Localization;

namespace CrmBlazor.Tests.Localization;

/// <summary>NF-1: a sentence names a document in the form its language needs there ("Wyślij fakturę", "Envoyer l'avoir").</summary>
public sealed class DocumentNameTests
{
    private static readonly Text T = new();

    [Theory]
    [InlineData("pl", DocumentType.Invoice, "Wyślij fakturę FV/7 e-mailem")]
    [InlineData("pl", DocumentType.Quote, "Wyślij ofertę FV/7 e-mailem")]
    [InlineData("pl", DocumentType.Proforma, "Wyślij fakturę proforma FV/7 e-mailem")]
    [InlineData("pl", DocumentType.CreditNote, "Wyślij fakturę korygującą FV/7 e-mailem")]
    [InlineData("pl", DocumentType.DeliveryNote, "Wyślij dowód dostawy FV/7 e-mailem")]
    [InlineData("en", DocumentType.Invoice, "Send invoice FV/7 by email")]
    [InlineData("es", DocumentType.Quote, "Enviar el presupuesto FV/7 por correo")]
    [InlineData("fr", DocumentType.CreditNote, "Envoyer l'avoir FV/7 par e-mail")]
    public void NF_1_the_send_dialog_title_names_the_document_as_its_sentence_needs(string language, DocumentType type, string expected)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(expected, T["Send.Title", DocumentText.Label(type, "FV/7", T)]);
    }

    [Theory]
    [InlineData("pl", DocumentType.Invoice, "Przekształć w fakturę", "Anulować fakturę FV/7?")]
    [InlineData("pl", DocumentType.Quote, "Przekształć w ofertę", "Anulować ofertę FV/7?")]
    [InlineData("fr", DocumentType.Invoice, "Convertir en facture", "Annuler la facture FV/7 ?")]
    public void NF_1_convert_and_cancel_name_the_document_as_their_sentences_need(string language, DocumentType type, string convert, string cancel)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(convert, T["Documents.Action.ConvertTo", DocumentText.TypeName(type, T)]);
        Assert.StartsWith(cancel, T["Documents.CancelConfirm", DocumentText.Label(type, "FV/7", T)]);
    }

    [Theory]
    [InlineData("pl", DocumentType.Invoice, DocumentStatus.Paid, "Opłacona")]
    [InlineData("pl", DocumentType.Quote, DocumentStatus.Accepted, "Zaakceptowana")]
    [InlineData("pl", DocumentType.DeliveryNote, DocumentStatus.Issued, "Wystawiony")]
    [InlineData("pl", null, DocumentStatus.Paid, "Opłacony")]
    [InlineData("es", DocumentType.Invoice, DocumentStatus.Paid, "Pagada")]
    [InlineData("fr", DocumentType.CreditNote, DocumentStatus.Issued, "Émis")]
    [InlineData("en", DocumentType.Invoice, DocumentStatus.Paid, "Paid")]
    public void NF_1_a_status_badge_agrees_with_the_document_it_describes(string language, DocumentType? type, DocumentStatus status, string expected)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(expected, DocumentText.Status(status, type, T));
    }

    [Fact]
    public void NF_1_a_document_name_stands_alone_in_the_nominative()
    {
        using var _ = new CultureScope("pl");
        Assert.Equal("Faktura FV/7", DocumentText.Label(DocumentType.Invoice, "FV/7", T).ToString());
        Assert.Equal("Oferta (szkic)", DocumentText.Label(DocumentType.Quote, null, T).ToString());
        Assert.Equal("Wyślij ofertę (szkic) e-mailem", T["Send.Title", DocumentText.Label(DocumentType.Quote, null, T)]);
    }
}
