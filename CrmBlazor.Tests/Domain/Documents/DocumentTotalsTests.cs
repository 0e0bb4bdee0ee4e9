using CrmBlazor.Domain.Documents;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Domain.Documents;

/// <summary>DOC-1: line nets, tax per rate group and totals, all in exact minor units.</summary>
public class DocumentTotalsTests
{
    public static TheoryData<decimal, long, decimal, long> Nets => new()
    {
        { 3m, 33, 0m, 99 },                       // 3 × 0.33 €
        { 0.333m, 300, 0m, 100 },                 // a third of 3 €: 99.9 cents
        { 0.333m, 100, 0m, 33 },                  // 33.3 cents
        { 0.005m, 100, 0m, 1 },                   // 0.5 cent: half away from zero, not to even
        { 0.025m, 100, 0m, 3 },                   // 2.5 cents: banker's rounding would give 2
        { 0.015m, 100, 0m, 2 },
        { 1.125m, 1, 0m, 1 },
        { 1m, 100, 12.5m, 88 },                   // 87.5 cents
        { 3m, 333, 12.5m, 874 },                  // 874.125 cents
        { 1.234m, 1999, 12.5m, 2158 },            // 2158.42025 cents
        { 1m, 1, 50m, 1 },                        // 0.5 cent after discount
        { 2m, 999, 100m, 0 },
        { 1_000_000m, 100_000_000_00L, 0m, 10_000_000_000_000_000L },
    };

    [Theory]
    [MemberData(nameof(Nets))]
    public void DOC_1_line_net_is_quantity_times_price_less_discount_rounded_half_away_from_zero(decimal quantity, long price, decimal discount, long expected)
    {
        Assert.Equal(expected, DocumentLine.Net(quantity, price, discount));

        var document = Draft(Form(DocumentType.Invoice, Line(Rate0, quantity, price, discount)));

        Assert.Equal(expected, Assert.Single(document.Lines).NetMinor);
    }

    [Fact]
    public void DOC_1_tax_is_rounded_once_per_rate_group_not_per_line()
    {
        // Three lines of 5 cents at 10 %: per line 0.5 → 1 each (3), per group 15 × 10 % = 1.5 → 2.
        var totals = Totals.Of([(5, 10m), (5, 10m), (5, 10m)]);

        Assert.Equal([new TaxLine(10m, 15, 2)], totals.Taxes);
        Assert.Equal((15L, 2L, 17L), (totals.NetMinor, totals.TaxMinor, totals.TotalMinor));
    }

    [Fact]
    public void DOC_1_breakdown_groups_by_rate_sorted_and_total_is_net_plus_tax()
    {
        var totals = Totals.Of([(250, 21m), (10, 5.5m), (1_000, 0m), (750, 21m), (50, 2.1m)]);

        Assert.Equal(
            [new TaxLine(0m, 1_000, 0), new TaxLine(2.1m, 50, 1), new TaxLine(5.5m, 10, 1), new TaxLine(21m, 1_000, 210)],
            totals.Taxes);
        Assert.Equal(2_060, totals.NetMinor);
        Assert.Equal(212, totals.TaxMinor);
        Assert.Equal(2_272, totals.TotalMinor);
    }

    [Fact]
    public void DOC_1_midpoint_tax_rounds_half_away_from_zero()
    {
        Assert.Equal(53, Totals.Of([(250, 21m)]).TaxMinor);       // 52.5
        Assert.Equal(1, Totals.Of([(50, 2.1m)]).TaxMinor);        // 1.05
        Assert.Equal(1, Totals.Of([(10, 5.5m)]).TaxMinor);        // 0.55
    }

    [Fact]
    public void DOC_1_totals_kept_on_the_document_equal_the_computed_ones()
    {
        var document = Draft(Form(DocumentType.Invoice,
            Line(Rate21, 0.333m, 300), Line(Rate5_5, 3m, 333, 12.5m), Line(Rate10, 1.234m, 1999, 12.5m), Line(Rate21, 0.005m, 100)));

        var totals = document.Totals();

        Assert.Equal(100 + 874 + 2158 + 1, totals.NetMinor);
        Assert.Equal([5.5m, 10m, 21m], totals.Taxes.Select(t => t.Percent));
        Assert.Equal((totals.NetMinor, totals.TaxMinor, totals.TotalMinor), (document.NetMinor, document.TaxMinor, document.TotalMinor));
        Assert.Equal(totals.NetMinor + totals.TaxMinor, document.TotalMinor);
    }

    [Fact]
    public void DOC_1_editing_a_draft_recomputes_its_totals()
    {
        var document = Draft(Form());

        document.EditDraft(Form(DocumentType.Invoice, Line(Rate10, 2m, 50_00)), Rates, Now);

        Assert.Equal((100_00L, 10_00L, 110_00L), (document.NetMinor, document.TaxMinor, document.TotalMinor));
    }
}
