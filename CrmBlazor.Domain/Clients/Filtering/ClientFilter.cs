namespace CrmBlazor.Domain.Clients.Filtering;

/// <summary>Rules combined with AND (DIR-4). Travels in the URL as repeated `f` parameters.</summary>
public sealed record ClientFilter(IReadOnlyList<FilterRule> Rules)
{
    public const int MaxRules = 20;

    public static readonly ClientFilter None = new([]);

    public static ClientFilter Parse(IEnumerable<string> ruleTexts)
    {
        var rules = ruleTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(FilterRule.Parse).ToList();
        if (rules.Count > MaxRules) throw new Common.DomainException("Error.FilterTooManyRules", "filter", MaxRules);
        return new ClientFilter(rules);
    }

    /// <summary>The stored form of a saved filter: one rule per line.</summary>
    public static ClientFilter FromStored(string stored) => Parse(stored.Split('\n'));

    public string ToStored() => string.Join('\n', Rules.Select(r => r.ToString()));

    public IEnumerable<string> ToUrlValues() => Rules.Select(r => r.ToString());

    public ClientFilter With(FilterRule rule) => new([.. Rules, rule]);

    public ClientFilter Without(int index) => new(Rules.Where((_, i) => i != index).ToList());
}
