using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Documents;

/// <summary>What the editor sends for one line; <see cref="Check"/> states the limits.</summary>
public sealed class LineInput
{
    public const int DescriptionMax = 2000;
    public const decimal QuantityMax = 1_000_000m;
    public const long UnitPriceMaxMinor = 100_000_000_00L; // 100 million in major units

    public string Description { get; set; } = string.Empty;
    public decimal Quantity { get; set; } = 1m;
    public string Unit { get; set; } = string.Empty;
    public long UnitPriceMinor { get; set; }
    public decimal DiscountPercent { get; set; }
    public long? TaxRateId { get; set; }

    internal void Check(FieldErrors errors, int index)
    {
        var p = $"Lines[{index}].";
        if (string.IsNullOrWhiteSpace(Description)) errors.Add(p + nameof(Description), "Error.Required");
        else if (Description.Trim().Length > DescriptionMax) errors.Add(p + nameof(Description), $"Error.TooLong|{DescriptionMax}");
        if (Quantity <= 0 || Quantity > QuantityMax) errors.Add(p + nameof(Quantity), $"Error.QuantityRange|{QuantityMax:0}");
        else if (decimal.Round(Quantity, 3) != Quantity) errors.Add(p + nameof(Quantity), "Error.QuantityDecimals");
        if (Unit.Trim().Length > 20) errors.Add(p + nameof(Unit), "Error.TooLong|20");
        if (UnitPriceMinor < 0 || UnitPriceMinor > UnitPriceMaxMinor) errors.Add(p + nameof(UnitPriceMinor), "Error.PriceRange");
        if (DiscountPercent < 0 || DiscountPercent > 100) errors.Add(p + nameof(DiscountPercent), "Error.DiscountRange");
        else if (decimal.Round(DiscountPercent, 2) != DiscountPercent) errors.Add(p + nameof(DiscountPercent), "Error.DiscountDecimals");
        if (TaxRateId is null) errors.Add(p + nameof(TaxRateId), "Error.Required");
    }
}
