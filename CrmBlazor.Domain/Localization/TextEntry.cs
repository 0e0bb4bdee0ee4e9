using System.Collections.Frozen;
using System.Text.Json;

namespace CrmBlazor.Domain.Localization;

/// <summary>
/// One text of the catalogue in one language: a plain string, or an object of named forms —
/// plural categories (<c>{"one": …, "other": …}</c>), the cases of a name (<c>{"nominative": …, "accusative": …,
/// "gender": …}</c>) or the genders a word agrees with (<c>{"masculine": …, "feminine": …}</c>).
/// </summary>
public sealed class TextEntry
{
    public const string Nominative = "nominative";
    public const string Masculine = "masculine";
    public const string Gender = "gender";

    /// <summary>Which form stands in when no form is asked for or the asked one is absent.</summary>
    private static readonly string[] DefaultForms = [Nominative, PluralRules.Other, PluralRules.Many, Masculine];

    private static readonly FrozenSet<string> PluralCategories =
        new[] { PluralRules.One, PluralRules.Few, PluralRules.Many, PluralRules.Other }.ToFrozenSet(StringComparer.Ordinal);

    private TextEntry(string text, FrozenDictionary<string, string> forms)
    {
        Default = text;
        Forms = forms;
    }

    public string Default { get; }

    /// <summary>The named forms; empty for a plain text.</summary>
    public IReadOnlyDictionary<string, string> Forms { get; }

    public bool IsPlural => Forms.Count > 0 && Forms.Keys.All(PluralCategories.Contains);

    public string Form(string? name) => name is not null && Forms.TryGetValue(name, out var text) ? text : Default;

    public static TextEntry Plain(string text) => new(text, FrozenDictionary<string, string>.Empty);

    public static TextEntry Parse(string key, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String) return Plain(value.GetString()!);
        if (value.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"Text {key} is neither a string nor an object of forms");

        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var form in value.EnumerateObject())
        {
            if (form.Value.ValueKind != JsonValueKind.String) throw new InvalidOperationException($"Form {form.Name} of text {key} is not a string");
            forms.Add(form.Name, form.Value.GetString()!);
        }
        var fallback = DefaultForms.FirstOrDefault(forms.ContainsKey)
            ?? throw new InvalidOperationException($"Text {key} has no {string.Join(", ", DefaultForms)} form to fall back on");
        return new TextEntry(forms[fallback], forms.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
