using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using CrmBlazor.Domain.Common;

namespace CrmBlazor.Localization;

/// <summary>
/// Every UI text in en, es, fr and pl (NF-1), read from the JSON files in Localization/Texts
/// (<c>en.json</c> and per-feature files such as <c>mail.en.json</c>).
/// Components use <c>T["Key"]</c>; the language is the current UI culture of the request or circuit.
/// A key missing from a language falls back to English, then to the key itself.
/// </summary>
public sealed class Text
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "fr", "pl"];

    private const string Prefix = "CrmBlazor.Localization.Texts.";

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;

    public Text()
    {
        var assembly = typeof(Text).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        _byLanguage = Languages.ToFrozenDictionary(lang => lang, lang =>
        {
            // "en.json" holds the shared texts; a feature may keep its own "<feature>.en.json" beside it.
            var files = resources.Where(n => n.EndsWith($".{lang}.json", StringComparison.Ordinal)).ToList();
            if (files.Count == 0) throw new InvalidOperationException($"Missing texts for {lang}");
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                using var stream = assembly.GetManifestResourceStream(file)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                {
                    if (!texts.TryAdd(key, value)) throw new InvalidOperationException($"Text {key} is defined twice for {lang} ({file})");
                }
            }
            return texts.ToFrozenDictionary(StringComparer.Ordinal);
        });
    }

    public string this[string key] => Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, key);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    public string Get(string language, string key)
    {
        if (_byLanguage.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text)) return text;
        return _byLanguage["en"].TryGetValue(key, out var english) ? english : key;
    }

    public bool Has(string language, string key) => _byLanguage.TryGetValue(language, out var t) && t.ContainsKey(key);

    public IEnumerable<string> Keys(string language) => _byLanguage[language].Keys;

    /// <summary>A domain message key, with its arguments after '|' (e.g. "Error.TooLong|200").</summary>
    public string Message(string keyWithArgs, params object?[] more)
    {
        var parts = keyWithArgs.Split('|');
        object?[] args = [.. parts.Skip(1), .. more];
        return args.Length == 0 ? this[parts[0]] : this[parts[0], args];
    }

    public string Message(DomainException error) => Message(error.MessageKey, error.Args);
}
