using System.Globalization;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Localization;

namespace CrmBlazor.Documents;

/// <summary>How documents read on screen: money in the document's currency and the user's culture, labels, links.</summary>
public static class DocumentText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["PLN"] = "zł", ["GBP"] = "£", ["USD"] = "$", ["CHF"] = "CHF",
    };

    /// <summary>An amount in minor units (cents) as money of <paramref name="currency"/>, in the current culture's pattern.</summary>
    public static string Money(long minor, string currency)
    {
        var format = (NumberFormatInfo)CultureInfo.CurrentCulture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(currency, currency);
        format.CurrencyDecimalDigits = 2;
        return (minor / 100m).ToString("C", format);
    }

    public static string Percent(decimal percent) => percent.ToString("0.##", CultureInfo.CurrentCulture) + " %";

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>"INV-2026-0007", or "Draft" for a document not issued yet.</summary>
    public static string Number(string? number, Text t) => number ?? t["Documents.Draft"];

    /// <summary>"Invoice INV-2026-0007" or "Quote (draft)".</summary>
    public static string Label(DocumentType type, string? number, Text t) =>
        number is null ? t["Documents.DraftOf", t["DocumentType." + type]] : $"{t["DocumentType." + type]} {number}";

    public static string Href(long id) => $"/documents/{id}";
}
