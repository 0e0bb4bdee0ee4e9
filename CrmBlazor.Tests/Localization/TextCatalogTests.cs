using System.Text.RegularExpressions;
using CrmBlazor.Localization;

namespace CrmBlazor.Tests.Localization;

/// <summary>
/// NF-1: the UI exists in English, Spanish, French and Polish. These tests read the embedded catalogues
/// through <see cref="Text"/> and the source tree; they need no database.
/// </summary>
public sealed partial class TextCatalogTests
{
    private static readonly Text Texts = new();
    private static readonly string[] Translations = ["es", "fr", "pl"];

    /// <summary>Prefixes the UI concatenates with a runtime value (T["Language." + lang]).</summary>
    private static readonly string[] DynamicPrefixes =
        ["Language.", "FilterField.", "FilterOp.", "FilterChoice.", "HistoryKind.", "RoleName.", "Right."];

    [Fact]
    public void NF_1_every_text_exists_in_all_four_languages()
    {
        Assert.Equal(new[] { "en", "es", "fr", "pl" }, Text.Languages);
        var english = Texts.Keys("en").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(english);

        var problems = new List<string>();
        foreach (var lang in Text.Languages)
        {
            var keys = Texts.Keys(lang).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(english.Except(keys).Order(StringComparer.Ordinal).Select(k => $"{lang}: missing {k}"));
            problems.AddRange(keys.Except(english).Order(StringComparer.Ordinal).Select(k => $"{lang}: not in en {k}"));
            problems.AddRange(keys.Where(k => string.IsNullOrWhiteSpace(Texts.Get(lang, k)))
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
            foreach (var lang in Translations.Where(l => Texts.Has(l, key)))
            {
                var actual = Placeholders(Texts.Get(lang, key));
                if (!actual.SetEquals(expected))
                    problems.Add($"{lang}: {key} has {{{string.Join(",", actual.Order())}}}, en has {{{string.Join(",", expected.Order())}}}");
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

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

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

    /// <summary>T["Some.Key"] or T["Some.Key", args...]; a concatenated T["Prefix." + x] does not match.</summary>
    [GeneratedRegex(@"\bT\[""(?<key>[^""\\]+)""\s*[\],]")]
    private static partial Regex UiKey();

    [GeneratedRegex(@"\bT\[""(?<prefix>[^""\\]+\.)""\s*\+")]
    private static partial Regex UiPrefix();

    /// <summary>"Error.Xxx" or "Error.Xxx|arg" as used for DomainException message keys.</summary>
    [GeneratedRegex(@"""(?<key>Error\.[A-Za-z0-9_.]*[A-Za-z0-9_])(?:\|[^""]*)?""")]
    private static partial Regex DomainKey();

    [GeneratedRegex(@"\{\d+(?:[,:][^{}]*)?\}")]
    private static partial Regex Placeholder();
}
