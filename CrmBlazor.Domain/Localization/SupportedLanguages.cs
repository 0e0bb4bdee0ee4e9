using System.Globalization;

namespace CrmBlazor.Domain.Localization;

/// <summary>
/// The one list of languages (NF-1, DIR-7) and the one map from a language to the culture its numbers,
/// dates and money follow — for the UI, emails, the portal and PDFs alike.
/// </summary>
public static class SupportedLanguages
{
    public const string Default = "en";

    /// <summary>Each language with the culture its numbers, dates and money follow; adding a language starts here.</summary>
    private static readonly (string Language, CultureInfo Culture)[] Languages =
    [
        ("en", CultureInfo.GetCultureInfo("en-GB")),
        ("es", CultureInfo.GetCultureInfo("es-ES")),
        ("fr", CultureInfo.GetCultureInfo("fr-FR")),
        ("pl", CultureInfo.GetCultureInfo("pl-PL")),
    ];

    private static readonly IReadOnlyDictionary<string, CultureInfo> Cultures = Languages.ToDictionary(l => l.Language, l => l.Culture, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> All = [.. Languages.Select(l => l.Language)];

    public static bool IsSupported(string? language) => language is not null && Cultures.ContainsKey(language);

    /// <summary>The culture of a language; an unknown language gets the default's.</summary>
    public static CultureInfo CultureOf(string? language) =>
        language is not null && Cultures.TryGetValue(language, out var culture) ? culture : Cultures[Default];

    /// <summary>The language of a culture ("pl" for pl-PL); an unknown one gets the default.</summary>
    public static string Of(CultureInfo culture) =>
        IsSupported(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : Default;

    public static IEnumerable<CultureInfo> AllCultures => All.Select(CultureOf);
}
