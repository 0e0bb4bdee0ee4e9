using System.Globalization;
using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Localization;

/// <summary>
/// Money as every reader sees it — on screen, in emails and on PDFs: the currency's symbol placed, spaced and
/// grouped as the culture writes money ("€1,234.50" in English, "1 234,50 €" in French and Polish).
/// </summary>
public static class MoneyFormat
{
    private static readonly IReadOnlyDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["PLN"] = "zł", ["GBP"] = "£", ["USD"] = "$", ["CHF"] = "CHF",
    };

    /// <summary>The symbol of a currency code; a currency without one shows its code.</summary>
    public static string SymbolOf(string currency) => Symbols.GetValueOrDefault(currency, currency);

    /// <summary>An amount in minor units (cents, grosze) of <paramref name="currency"/>, in <paramref name="culture"/>'s pattern.</summary>
    public static string Format(long minor, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = SymbolOf(currency);
        format.CurrencyDecimalDigits = 2;
        return MoneyMath.ToMajor(minor).ToString("C", format);
    }

    public static string Format(long minor, string currency, string language) =>
        Format(minor, currency, SupportedLanguages.CultureOf(language));
}
