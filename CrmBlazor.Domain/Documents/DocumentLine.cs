using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Documents;

/// <summary>
/// One line of a document. The unit price is in minor units; the net amount is
/// quantity × unit price × (1 − discount), rounded half away from zero to the minor unit.
/// The tax rate's percentage is copied, so a later change of the rate never changes an issued document.
/// </summary>
public class DocumentLine
{
    public long Id { get; private set; }
    public long DocumentId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = string.Empty;
    public long UnitPriceMinor { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public long? TaxRateId { get; private set; }
    public decimal TaxPercent { get; private set; }
    public long NetMinor { get; private set; }

    private DocumentLine() { }

    internal DocumentLine(int position, LineInput input, decimal taxPercent)
    {
        Position = position;
        Description = input.Description.Trim();
        Quantity = input.Quantity;
        Unit = input.Unit.Trim();
        UnitPriceMinor = input.UnitPriceMinor;
        DiscountPercent = input.DiscountPercent;
        TaxRateId = input.TaxRateId;
        TaxPercent = taxPercent;
        NetMinor = Net(input.Quantity, input.UnitPriceMinor, input.DiscountPercent);
    }

    public static long Net(decimal quantity, long unitPriceMinor, decimal discountPercent) =>
        MoneyMath.Round(quantity * unitPriceMinor * (100m - discountPercent) / 100m);

    public LineInput ToInput() => new()
    {
        Description = Description, Quantity = Quantity, Unit = Unit, UnitPriceMinor = UnitPriceMinor,
        DiscountPercent = DiscountPercent, TaxRateId = TaxRateId,
    };
}
