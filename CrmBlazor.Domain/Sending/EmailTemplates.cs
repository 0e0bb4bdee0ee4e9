using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// Subject and body templates per language (Sending/Templates/{en,es,fr,pl}.json) with placeholders such
/// as {number}, {client}, {total}, {due}, {valid}, {date}, {balance}, {days} and {organisation}.
/// </summary>
public static class EmailTemplates
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "fr", "pl"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> ByLanguage = Load();

    public static string Get(string language, string key) =>
        ByLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text : ByLanguage["en"][key];

    public static IEnumerable<string> Keys(string language) => ByLanguage[language].Keys;

    /// <summary>Replaces each {name} with its value; unknown placeholders stay as typed.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder(template);
        foreach (var (name, value) in values) sb.Replace("{" + name + "}", value);
        return sb.ToString();
    }

    /// <summary>The placeholder values of a document, formatted in the document's language.</summary>
    public static Dictionary<string, string> Values(Document d, string clientName, string organisation, DateOnly today)
    {
        var culture = CultureOf(d.Language);
        string Money(long minor) => MoneyMath.ToMajor(minor).ToString("N2", culture) + " " + d.Currency;
        string Date(DateOnly? date) => date?.ToString("d", culture) ?? string.Empty;
        return new Dictionary<string, string>
        {
            ["number"] = d.Number ?? string.Empty,
            ["client"] = clientName,
            ["organisation"] = organisation,
            ["total"] = Money(d.TotalMinor),
            ["balance"] = Money(d.BalanceMinor),
            ["date"] = Date(d.IssueDate),
            ["due"] = Date(d.DueDate),
            ["valid"] = Date(d.ValidUntil),
            ["days"] = d.DueDate is { } due ? Math.Max(0, today.DayNumber - due.DayNumber).ToString(culture) : "0",
        };
    }

    public static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(language switch
    {
        "es" => "es-ES",
        "fr" => "fr-FR",
        "pl" => "pl-PL",
        _ => "en-GB",
    });

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(EmailTemplates).Assembly;
        return Languages.ToFrozenDictionary(lang => lang, lang =>
        {
            using var stream = assembly.GetManifestResourceStream($"CrmBlazor.Domain.Sending.Templates.{lang}.json")
                ?? throw new InvalidOperationException($"Missing email templates for {lang}");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
        });
    }
}
