using System.Globalization;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Commercial;

/// <summary>What the deal dialog sends (COM-4). The amount is the text the user typed, read in their culture ("1.234,50" in Spanish).</summary>
public sealed class DealForm
{
    public string Title { get; set; } = string.Empty;
    public long ClientId { get; set; }
    public string Amount { get; set; } = string.Empty;
    public DealStage Stage { get; set; } = DealStage.Lead;
    public string OwnerUserId { get; set; } = string.Empty;
    public DateOnly? ExpectedClose { get; set; }

    /// <summary>The rules that need no database; returns the amount in minor units when it is valid.</summary>
    public long? Check(FieldErrors errors, CultureInfo culture)
    {
        var title = (Title ?? string.Empty).Trim();
        if (title.Length == 0) errors.Add(nameof(Title), "Error.Required");
        else if (title.Length > Deal.TitleMax) errors.Add(nameof(Title), $"Error.TooLong|{Deal.TitleMax}");
        if (ClientId <= 0) errors.Add(nameof(ClientId), "Error.Required");
        if (!Enum.IsDefined(Stage)) errors.Add(nameof(Stage), "Error.DealStageInvalid");
        var amount = ParseAmount(Amount, culture, out var error);
        if (error is not null) errors.Add(nameof(Amount), error);
        return amount;
    }

    /// <summary>
    /// Reads an amount as typed in <paramref name="culture"/>: its decimal separator, group separators optional (spaces too, as
    /// French and Polish write them), at most two decimals, not negative, at most what a document line accepts.
    /// </summary>
    public static long? ParseAmount(string? text, CultureInfo culture, out string? error)
    {
        error = null;
        var compact = new string((text ?? string.Empty).Where(ch => !char.IsWhiteSpace(ch)).ToArray());
        if (compact.Length == 0)
        {
            error = "Error.Required";
            return null;
        }
        if (!GroupsWellPlaced(compact, culture.NumberFormat)
            || !decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, culture, out var major))
            error = "Error.AmountInvalid";
        else if (major < 0) error = "Error.AmountNegative";
        else if (decimal.Round(major, 2) != major) error = "Error.AmountDecimals";
        else if (major * 100m > LineInput.UnitPriceMaxMinor) error = "Error.AmountTooLarge";
        else return MoneyMath.ToMinor(major);
        return null;
    }

    /// <summary>
    /// .NET ignores where group separators stand, so "12.50" typed in Spanish would read as 1,250. Groups must be
    /// three digits each, or the text is refused instead of misread.
    /// </summary>
    private static bool GroupsWellPlaced(string text, NumberFormatInfo format)
    {
        var group = format.NumberGroupSeparator.Trim();
        if (group.Length == 0) return true; // a space-like separator, already removed with the whitespace
        var integer = text.Split(format.NumberDecimalSeparator)[0].TrimStart('-', '+');
        if (!integer.Contains(group, StringComparison.Ordinal)) return true;
        var parts = integer.Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }
}
