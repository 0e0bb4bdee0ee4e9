using System.Globalization;
using System.Text;

namespace CrmBlazor.Domain.Common;

/// <summary>
/// Folds text for searching and sorting: lower case, accents removed (ł → l as well), so "Łódź",
/// "lodz" and "LODZ" meet, and one index serves every language.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch { 'ł' => 'l', 'ø' => 'o', 'ß' => 's', 'æ' => 'a', 'œ' => 'o', _ => ch });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string DigitsOnly(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : new string(text.Where(char.IsDigit).ToArray());
}
