using System.Text.RegularExpressions;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Tests.Localization;

/// <summary>
/// NF-1: the UI, emails, portal and PDFs exist in English, Spanish, French and Polish. These tests read the one
/// embedded catalogue (<see cref="TextCatalogue"/>) and the source tree; they need no database.
/// </summary>
public sealed partial class TextCatalogTests
{
    private static readonly TextCatalogue Texts = TextCatalogue.Default;
    private static readonly string[] Translations = ["es", "fr", "pl"];

    /// <summary>Prefixes the UI concatenates with a runtime value (T["Language." + lang]).</summary>
    private static readonly string[] DynamicPrefixes =
        ["Language.", "FilterField.", "FilterOp.", "FilterChoice.", "HistoryKind.", "RoleName.", "Right."];

    [Fact]
    public void NF_1_every_text_exists_in_all_four_languages()
    {
        Assert.Equal(new[] { "en", "es", "fr", "pl" }, SupportedLanguages.All);
        var english = Texts.Keys("en").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(english);

        var problems = new List<string>();
        foreach (var lang in SupportedLanguages.All)
        {
            var keys = Texts.Keys(lang).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(english.Except(keys).Order(StringComparer.Ordinal).Select(k => $"{lang}: missing {k}"));
            problems.AddRange(keys.Except(english).Order(StringComparer.Ordinal).Select(k => $"{lang}: not in en {k}"));
            problems.AddRange(keys.Where(k => Forms(lang, k).Any(string.IsNullOrWhiteSpace))
                .Order(StringComparer.Ordinal).Select(k => $"{lang}: empty {k}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NF_1_placeholders_match_across_languages()
    {
        var problems = new List<string>();
        foreach (var key in Texts.Keys("en"))
        {
            var expected = Placeholders(Texts.Get("en", key));
            foreach (var lang in SupportedLanguages.All.Where(l => Texts.Has(l, key)))
            {
                foreach (var form in Forms(lang, key))
                {
                    var actual = Placeholders(form);
                    if (!actual.SetEquals(expected))
                        problems.Add($"{lang}: {key} \"{form}\" has {string.Join(",", actual.Order())}, en has {string.Join(",", expected.Order())}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NF_1_every_text_key_used_in_the_ui_exists()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "CrmBlazor");
        var domain = Path.Combine(root, "CrmBlazor.Domain");

        var used = new SortedSet<string>(StringComparer.Ordinal);
        var prefixes = new SortedSet<string>(DynamicPrefixes, StringComparer.Ordinal);

        foreach (var file in SourceFiles(web, "*.razor", "*.cs"))
        {
            foreach (var line in CodeLines(file))
            {
                foreach (Match m in UiKey().Matches(line))
                {
                    var key = m.Groups["key"].Value;
                    if (key.EndsWith('.')) prefixes.Add(key); else used.Add(key);
                }
                foreach (Match m in UiPrefix().Matches(line)) prefixes.Add(m.Groups["prefix"].Value);
            }
        }
        Assert.True(used.Count > 50, $"Only {used.Count} T[\"...\"] usages found under {web}; is the scan broken?");

        var domainKeys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(domain, "*.cs"))
            foreach (var line in CodeLines(file))
                foreach (Match m in DomainKey().Matches(line))
                    domainKeys.Add(m.Groups["key"].Value);
        Assert.NotEmpty(domainKeys);

        var english = Texts.Keys("en").ToHashSet(StringComparer.Ordinal);
        var problems = used.Where(k => !english.Contains(k)).Select(k => $"UI key missing from en.json: {k}")
            .Concat(domainKeys.Where(k => !english.Contains(k)).Select(k => $"Domain message key missing from en.json: {k}"))
            .Concat(prefixes.Where(p => !english.Any(k => k.StartsWith(p, StringComparison.Ordinal) && k.Length > p.Length))
                .Select(p => $"No key with the prefix {p} in en.json"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NF_1_translations_are_not_left_in_english()
    {
        // Language names are the same in every file by design; MudBlazor texts like "=" or "OK" may match.
        var keys = Texts.Keys("en")
            .Where(k => !k.StartsWith("Mud.", StringComparison.Ordinal) && !k.StartsWith("Language.", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(keys);

        var report = new List<string>();
        foreach (var lang in Translations)
        {
            var same = keys.Where(k => Texts.Has(lang, k) && Texts.Get(lang, k) == Texts.Get("en", k)).ToList();
            if (same.Count > keys.Count / 10)
                report.Add($"{lang}: {same.Count} of {keys.Count} texts are identical to English: {string.Join(", ", same)}");
        }

        Assert.True(report.Count == 0, string.Join(Environment.NewLine, report));
    }

    [Fact]
    public void NF_1_a_text_with_plural_forms_gives_every_form_its_language_counts_with()
    {
        var problems = new List<string>();
        foreach (var key in Texts.Keys("en").Where(k => Texts.Entry("en", k)!.IsPlural))
        {
            foreach (var lang in SupportedLanguages.All)
            {
                var forms = Texts.Entry(lang, key)!.Forms.Keys.Order(StringComparer.Ordinal);
                var needed = PluralRules.CategoriesOf(lang).Order(StringComparer.Ordinal);
                if (!forms.SequenceEqual(needed)) problems.Add($"{lang}: {key} has {string.Join(",", forms)}, needs {string.Join(",", needed)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NF_1_every_form_a_sentence_asks_of_a_document_name_exists_in_its_language()
    {
        var types = Texts.Keys("en").Where(k => k.StartsWith("DocumentType.", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, types.Count);
        var problems = new List<string>();
        foreach (var lang in SupportedLanguages.All)
        {
            var asked = Texts.Keys(lang).SelectMany(k => Forms(lang, k))
                .SelectMany(text => FormPlaceholder().Matches(text).Select(m => m.Groups["form"].Value)).ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(asked);
            problems.AddRange(from type in types
                              from form in asked
                              where !Texts.Entry(lang, type)!.Forms.ContainsKey(form)
                              select $"{lang}: {type} has no \"{form}\" form");
            var genders = types.Select(t => Texts.Entry(lang, t)!.Forms.GetValueOrDefault(TextEntry.Gender)).Distinct().ToList();
            if (lang != "en" && genders.Any(g => g is not ("masculine" or "feminine"))) problems.Add($"{lang}: a document type has no gender");
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void NF_1_a_text_with_plural_forms_is_never_read_without_its_count()
    {
        var root = RepositoryRoot();
        var plural = Texts.Keys("en").Where(k => Texts.Entry("en", k)!.IsPlural).ToHashSet(StringComparer.Ordinal);
        var problems = SourceFiles(Path.Combine(root, "CrmBlazor"), "*.razor", "*.cs")
            .SelectMany(file => CodeLines(file).SelectMany(line => IndexedKey().Matches(line))
                .Where(m => plural.Contains(m.Groups["key"].Value))
                .Select(m => $"{Path.GetFileName(file)}: {m.Value} has plural forms; use Plural(key, count)"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>"{0}" and "{number}", whatever form or format a language asks of them ("{0:accusative}" is "{0}").</summary>
    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => "{" + m.Groups["name"].Value + "}").ToHashSet(StringComparer.Ordinal);

    /// <summary>Every wording of a text: its plural, case or gender forms, or the text itself.</summary>
    internal static IEnumerable<string> Forms(string language, string key)
    {
        var entry = Texts.Entry(language, key)!;
        return entry.Forms.Count == 0 ? [entry.Default] : entry.Forms.Where(f => f.Key != TextEntry.Gender).Select(f => f.Value);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CrmBlazor.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CrmBlazor.sln above {AppContext.BaseDirectory}");
    }

    private static IEnumerable<string> SourceFiles(string folder, params string[] patterns)
    {
        var sep = Path.DirectorySeparatorChar;
        return patterns
            .SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal));
    }

    /// <summary>Source lines without comment-only lines (doc comments mention T["Key"] as an example).</summary>
    private static IEnumerable<string> CodeLines(string file) =>
        File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal));

    /// <summary>T["Some.Key"], T["Some.Key", args...] or T.Plural("Some.Key", n); a concatenated T["Prefix." + x] does not match.</summary>
    [GeneratedRegex(@"\bT(?:\[|\.Plural\()""(?<key>[^""\\]+)""\s*[\],]")]
    private static partial Regex UiKey();

    /// <summary>A text read through an indexer (T["Key"], t["Key"], Texts["Key"]): the way that cannot pass a count.</summary>
    [GeneratedRegex(@"\b(?:T|t|Texts|texts)\[""(?<key>[^""\\]+)""")]
    private static partial Regex IndexedKey();

    /// <summary>"{0:accusative}": the form of a name a sentence asks for (numeric formats such as "{0:N0}" are upper case).</summary>
    [GeneratedRegex(@"\{\d+:(?<form>[a-z]+)\}")]
    private static partial Regex FormPlaceholder();

    [GeneratedRegex(@"\bT\[""(?<prefix>[^""\\]+\.)""\s*\+")]
    private static partial Regex UiPrefix();

    /// <summary>"Error.Xxx" or "Error.Xxx|arg" as used for DomainException message keys.</summary>
    [GeneratedRegex(@"""(?<key>Error\.[A-Za-z0-9_.]*[A-Za-z0-9_])(?:\|[^""]*)?""")]
    private static partial Regex DomainKey();

    [GeneratedRegex(@"\{(?<name>\d+|[a-z]+)(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();
}
