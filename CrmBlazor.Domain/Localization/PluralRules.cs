namespace CrmBlazor.Domain.Localization;

/// <summary>
/// Which plural form a whole count takes, by the CLDR categories: English and Spanish say "one" for 1 only;
/// French also for 0; Polish has "one" (1), "few" (2–4, 22–24, … but not 12–14) and "many" (the rest).
/// </summary>
public static class PluralRules
{
    public const string One = "one";
    public const string Few = "few";
    public const string Many = "many";
    public const string Other = "other";

    /// <summary>The categories a text with plural forms must give in a language.</summary>
    public static IReadOnlyList<string> CategoriesOf(string language) => language == "pl" ? [One, Few, Many] : [One, Other];

    public static string CategoryOf(string language, long count)
    {
        var n = Math.Abs(count);
        return language switch
        {
            "fr" => n <= 1 ? One : Other,
            "pl" => n == 1 ? One : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? Few : Many,
            _ => n == 1 ? One : Other,
        };
    }
}
