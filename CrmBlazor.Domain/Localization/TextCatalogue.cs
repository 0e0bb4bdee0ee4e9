using System.Collections.Frozen;
using System.Text.Json;

namespace CrmBlazor.Domain.Localization;

/// <summary>
/// Every text of the product — UI, emails, portal, PDFs — in every supported language, read from the JSON files in
/// <c>Localization/Texts</c>: <c>en.json</c> for shared texts and per-feature files such as <c>mail.en.json</c>.
/// A key missing from a language falls back to English, then to the key itself.
/// </summary>
public sealed class TextCatalogue
{
    private const string ResourcePrefix = "CrmBlazor.Domain.Localization.Texts.";

    private static readonly Lazy<TextCatalogue> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, FrozenDictionary<string, TextEntry>> _byLanguage;

    /// <summary>The product's catalogue: the JSON files embedded in this assembly, read once.</summary>
    public static TextCatalogue Default => Embedded.Value;

    /// <param name="files">The JSON text of each file by its name ("en.json", "mail.pl.json").</param>
    public TextCatalogue(IEnumerable<KeyValuePair<string, string>> files)
    {
        var byLanguage = SupportedLanguages.All.ToDictionary(l => l, _ => new Dictionary<string, TextEntry>(StringComparer.Ordinal));
        foreach (var (name, json) in files)
        {
            var language = LanguageOfFile(name);
            if (!byLanguage.TryGetValue(language, out var texts)) throw new InvalidOperationException($"{name} is in no supported language");
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!texts.TryAdd(property.Name, TextEntry.Parse(property.Name, property.Value)))
                    throw new InvalidOperationException($"Text {property.Name} is defined twice for {language} ({name})");
            }
        }
        var empty = byLanguage.Where(l => l.Value.Count == 0).Select(l => l.Key).ToList();
        if (empty.Count > 0) throw new InvalidOperationException($"Missing texts for {string.Join(", ", empty)}");
        _byLanguage = byLanguage.ToFrozenDictionary(l => l.Key, l => l.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The text of <paramref name="key"/> in its plain (or nominative, or default) form.</summary>
    public string Get(string language, string key) => EntryOrFallback(language, key).Default;

    /// <summary>A named form of a text ("accusative", "feminine"); the default form when it has no such form.</summary>
    public string Form(string language, string key, string form) => EntryOrFallback(language, key).Form(form);

    /// <summary>The form of a text with plural forms that suits <paramref name="count"/> in the language.</summary>
    public string Plural(string language, string key, long count) => Form(language, key, PluralRules.CategoryOf(language, count));

    /// <summary>A name whose form a sentence picks with "{0:accusative}".</summary>
    public NounForms Noun(string language, string key) => new(EntryOrFallback(language, key));

    /// <summary>The form of a text that agrees with the gender of <paramref name="noun"/> ("Opłacona" for a faktura).</summary>
    public string Agreeing(string language, string key, NounForms noun) =>
        EntryOrFallback(language, key).Form(noun.Gender ?? TextEntry.Masculine);

    /// <summary><see cref="Get"/> then composite formatting in the language's culture.</summary>
    public string Format(string language, string key, params object?[] args) =>
        string.Format(SupportedLanguages.CultureOf(language), Get(language, key), args);

    public bool Has(string language, string key) => Entry(language, key) is not null;

    public TextEntry? Entry(string language, string key) =>
        _byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var entry) ? entry : null;

    public IEnumerable<string> Keys(string language) => _byLanguage[language].Keys;

    private TextEntry EntryOrFallback(string language, string key) =>
        Entry(language, key) ?? Entry(SupportedLanguages.Default, key) ?? TextEntry.Plain(key);

    /// <summary>"en.json" and "mail.en.json" are English.</summary>
    private static string LanguageOfFile(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        return stem[(stem.LastIndexOf('.') + 1)..];
    }

    private static TextCatalogue LoadEmbedded()
    {
        var assembly = typeof(TextCatalogue).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return KeyValuePair.Create(n[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
        return new TextCatalogue(files);
    }
}
