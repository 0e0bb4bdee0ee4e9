using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Domain.Documents;

/// <summary>NF-3: each bad input is refused with the field it belongs to and a message key.</summary>
public class DocumentFormValidationTests
{
    public static TheoryData<string, Action<DocumentForm>, string, string> BadForms => new()
    {
        { "quantity 0", f => f.Lines[0].Quantity = 0m, "Lines[0].Quantity", "Error.QuantityRange|1000000" },
        { "negative quantity", f => f.Lines[0].Quantity = -1m, "Lines[0].Quantity", "Error.QuantityRange|1000000" },
        { "quantity over a million", f => f.Lines[0].Quantity = 1_000_000.001m, "Lines[0].Quantity", "Error.QuantityRange|1000000" },
        { "4-decimal quantity", f => f.Lines[0].Quantity = 1.2345m, "Lines[0].Quantity", "Error.QuantityDecimals" },
        { "negative price", f => f.Lines[0].UnitPriceMinor = -1, "Lines[0].UnitPriceMinor", "Error.PriceRange" },
        { "absurd price", f => f.Lines[0].UnitPriceMinor = LineInput.UnitPriceMaxMinor + 1, "Lines[0].UnitPriceMinor", "Error.PriceRange" },
        { "negative discount", f => f.Lines[0].DiscountPercent = -0.01m, "Lines[0].DiscountPercent", "Error.DiscountRange" },
        { "discount over 100", f => f.Lines[0].DiscountPercent = 100.01m, "Lines[0].DiscountPercent", "Error.DiscountRange" },
        { "missing tax rate", f => f.Lines[0].TaxRateId = null, "Lines[0].TaxRateId", "Error.Required" },
        { "unknown tax rate", f => f.Lines[0].TaxRateId = 999, "Lines[0].TaxRateId", "Error.TaxRateUnknown" },
        { "second line blank", f => f.Lines.Add(Line(description: " ")), "Lines[1].Description", "Error.Required" },
        { "no lines", f => f.Lines.Clear(), "Lines", "Error.NoLines" },
        { "1,001 lines", f => f.Lines = Enumerable.Range(0, 1001).Select(_ => Line()).ToList(), "Lines", "Error.TooManyLines|1000" },
        { "notes over 4000", f => f.Notes = new string('n', 4001), "Notes", "Error.TooLong|4000" },
        { "due before issue", f => f.DueDate = Today.AddDays(-1), "DueDate", "Error.DateBeforeIssue" },
        { "unknown language", f => f.Language = "de", "Language", "Error.LanguageInvalid" },
        { "unknown currency", f => f.Currency = "XXX", "Currency", "Error.CurrencyInvalid" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public void NF_3_bad_document_input_is_refused_with_the_field_key(string label, Action<DocumentForm> spoil, string field, string key)
    {
        var form = Form();
        spoil(form);

        Expect.FieldError(() => Draft(form), field, key);
        Assert.NotEmpty(label);
    }

    [Theory]
    [MemberData(nameof(BadForms))]
    public void NF_3_a_bad_edit_leaves_the_draft_as_it_was(string label, Action<DocumentForm> spoil, string field, string key)
    {
        var document = Draft(Form(DocumentType.Invoice, Line(Rate10, 2m, 50_00)));
        var form = Form();
        spoil(form);

        Expect.FieldError(() => document.EditDraft(form, Rates, Now), field, key);

        Assert.Equal((1L, 110_00L, 2m), (document.Version, document.TotalMinor, Assert.Single(document.Lines).Quantity));
        Assert.NotEmpty(label);
    }

    [Fact]
    public void NF_3_the_limits_themselves_are_accepted()
    {
        var form = Form(DocumentType.Invoice,
            Line(quantity: 1_000_000m, unitPriceMinor: LineInput.UnitPriceMaxMinor), Line(quantity: 0.001m, discount: 100m), Line(unitPriceMinor: 0));
        form.Notes = new string('n', 4000);
        form.DueDate = Today;

        var document = Draft(form);

        Assert.Equal(3, document.Lines.Count);
    }

    [Fact]
    public void NF_3_a_document_whose_total_would_not_fit_is_refused_by_field_not_by_overflow()
    {
        var huge = Line(quantity: LineInput.QuantityMax, unitPriceMinor: LineInput.UnitPriceMaxMinor);
        var form = Form(DocumentType.Invoice, Enumerable.Repeat(huge, DocumentForm.MaxLines).ToArray());

        Expect.FieldError(() => Draft(form), "Lines", "Error.PriceRange");
    }

    [Fact]
    public void NF_3_html_in_a_description_is_kept_verbatim()
    {
        const string html = "<img src=http://127.0.0.1/x> & <b>bold</b>";

        var document = Draft(Form(DocumentType.Invoice, Line(description: html)));

        Assert.Equal(html, Assert.Single(document.Lines).Description);
    }
}
