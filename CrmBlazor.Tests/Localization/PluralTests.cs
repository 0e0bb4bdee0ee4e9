using CrmBlazor.Domain.Localization;
using CrmBlazor.Localization;
using CrmBlazor.Tests.Support.Localization;

namespace CrmBlazor.Tests.Localization;

/// <summary>NF-1: counts read as each language counts — one/other in English and Spanish, 0 and 1 as one in French, one/few/many in Polish.</summary>
public sealed class PluralTests
{
    private static readonly Text T = new();

    [Theory]
    [InlineData("en", 0, "other"), InlineData("en", 1, "one"), InlineData("en", 2, "other"), InlineData("en", 21, "other")]
    [InlineData("es", 0, "other"), InlineData("es", 1, "one"), InlineData("es", 2, "other"), InlineData("es", 5, "other")]
    [InlineData("fr", 0, "one"), InlineData("fr", 1, "one"), InlineData("fr", 2, "other"), InlineData("fr", 21, "other")]
    [InlineData("pl", 0, "many"), InlineData("pl", 1, "one"), InlineData("pl", 2, "few"), InlineData("pl", 4, "few"), InlineData("pl", 5, "many")]
    [InlineData("pl", 12, "many"), InlineData("pl", 14, "many"), InlineData("pl", 21, "many"), InlineData("pl", 22, "few"), InlineData("pl", 25, "many")]
    [InlineData("pl", 102, "few"), InlineData("pl", 112, "many"), InlineData("pl", 1001, "many")]
    public void NF_1_each_language_counts_with_its_own_plural_rule(string language, long count, string category) =>
        Assert.Equal(category, PluralRules.CategoryOf(language, count));

    [Theory]
    [InlineData("en", 1, "1 email queued."), InlineData("en", 2, "2 emails queued.")]
    [InlineData("es", 1, "1 correo en cola."), InlineData("es", 2, "2 correos en cola.")]
    [InlineData("fr", 0, "0 e-mail en file d'attente."), InlineData("fr", 1, "1 e-mail en file d'attente."), InlineData("fr", 2, "2 e-mails en file d'attente.")]
    [InlineData("pl", 1, "1 e-mail w kolejce."), InlineData("pl", 2, "2 e-maile w kolejce."), InlineData("pl", 5, "5 e-maili w kolejce.")]
    [InlineData("pl", 12, "12 e-maili w kolejce."), InlineData("pl", 22, "22 e-maile w kolejce."), InlineData("pl", 25, "25 e-maili w kolejce.")]
    public void NF_1_a_count_on_screen_takes_the_plural_form_of_its_number(string language, long count, string expected)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(expected, T.Plural("Send.Queued", count));
    }

    [Theory]
    [InlineData("en", 1, "1 issued invoice or credit note"), InlineData("en", 3, "3 issued invoices or credit notes")]
    [InlineData("es", 1, "1 factura o nota de crédito emitida"), InlineData("es", 3, "3 facturas o notas de crédito emitidas")]
    [InlineData("fr", 1, "1 facture ou avoir émis"), InlineData("fr", 3, "3 factures ou avoirs émis")]
    [InlineData("pl", 1, "1 wystawiona faktura lub korekta"), InlineData("pl", 2, "2 wystawione faktury lub korekty"), InlineData("pl", 5, "5 wystawionych faktur lub korekt")]
    [InlineData("pl", 12, "12 wystawionych faktur lub korekt"), InlineData("pl", 22, "22 wystawione faktury lub korekty"), InlineData("pl", 25, "25 wystawionych faktur lub korekt")]
    public void NF_1_the_archive_counts_issued_invoices_in_the_right_number(string language, long count, string expected)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(expected, T.Plural("Archive.Count.LegalRecords", count));
    }

    [Theory]
    [InlineData("en", "Error.DueTooFarInPast|1", "The date may be at most 1 day in the past.")]
    [InlineData("en", "Error.DueTooFarInPast|7", "The date may be at most 7 days in the past.")]
    [InlineData("pl", "Error.DueTooFarInPast|1", "Data może być najwyżej 1 dzień wstecz.")]
    [InlineData("pl", "Error.DueTooFarInPast|22", "Data może być najwyżej 22 dni wstecz.")]
    public void NF_1_a_domain_message_with_plural_forms_is_counted_by_its_first_argument(string language, string message, string expected)
    {
        using var _ = new CultureScope(language);
        Assert.Equal(expected, T.Message(message));
    }
}
