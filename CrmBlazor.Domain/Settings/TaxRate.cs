namespace CrmBlazor.Domain.Settings;

/// <summary>A VAT rate lines can use. Documents copy the percentage, so retiring a rate changes no document.</summary>
public class TaxRate
{
    public long Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public decimal Percent { get; private set; }
    public string Country { get; private set; } = string.Empty;
    public bool IsActive { get; private set; } = true;

    private TaxRate() { }

    public TaxRate(string name, decimal percent, string country)
    {
        Name = name;
        Percent = percent;
        Country = country;
    }

    public void Retire() => IsActive = false;

    /// <summary>The usual rates of the three markets the product starts in.</summary>
    public static IEnumerable<TaxRate> Defaults() =>
    [
        new("IVA 21 %", 21m, "ES"), new("IVA 10 %", 10m, "ES"), new("IVA 4 %", 4m, "ES"), new("IVA 0 %", 0m, "ES"),
        new("TVA 20 %", 20m, "FR"), new("TVA 10 %", 10m, "FR"), new("TVA 5,5 %", 5.5m, "FR"), new("TVA 2,1 %", 2.1m, "FR"),
        new("VAT 23 %", 23m, "PL"), new("VAT 8 %", 8m, "PL"), new("VAT 5 %", 5m, "PL"), new("VAT 0 %", 0m, "PL"),
    ];
}
