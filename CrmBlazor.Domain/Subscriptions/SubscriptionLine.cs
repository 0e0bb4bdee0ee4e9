using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Subscriptions;

/// <summary>One line billed every period, like a document line; the tax rate's percentage is read when each invoice is made.</summary>
public class SubscriptionLine
{
    public long Id { get; private set; }
    public long SubscriptionId { get; private set; }
    public int Position { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public decimal Quantity { get; private set; }
    public string Unit { get; private set; } = string.Empty;
    public long UnitPriceMinor { get; private set; }
    public decimal DiscountPercent { get; private set; }
    public long TaxRateId { get; private set; }

    public long NetMinor => DocumentLine.Net(Quantity, UnitPriceMinor, DiscountPercent);

    private SubscriptionLine() { }

    internal SubscriptionLine(int position, LineInput input)
    {
        Position = position;
        Description = input.Description.Trim();
        Quantity = input.Quantity;
        Unit = input.Unit.Trim();
        UnitPriceMinor = input.UnitPriceMinor;
        DiscountPercent = input.DiscountPercent;
        TaxRateId = input.TaxRateId!.Value;
    }

    internal LineInput ToInput() => new()
    {
        Description = Description, Quantity = Quantity, Unit = Unit, UnitPriceMinor = UnitPriceMinor, DiscountPercent = DiscountPercent, TaxRateId = TaxRateId,
    };
}
