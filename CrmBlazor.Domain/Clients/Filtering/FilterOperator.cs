namespace CrmBlazor.Domain.Clients.Filtering;

/// <summary>Operators of the filter builder; the URL spells them with <see cref="FilterOperators.Token"/>.</summary>
public enum FilterOperator
{
    Equals,
    NotEquals,
    Contains,
    StartsWith,
    IsEmpty,
    IsNotEmpty,
    Before,
    After,
}

public static class FilterOperators
{
    private static readonly Dictionary<FilterOperator, string> Tokens = new()
    {
        [FilterOperator.Equals] = "eq",
        [FilterOperator.NotEquals] = "ne",
        [FilterOperator.Contains] = "contains",
        [FilterOperator.StartsWith] = "starts",
        [FilterOperator.IsEmpty] = "empty",
        [FilterOperator.IsNotEmpty] = "notempty",
        [FilterOperator.Before] = "before",
        [FilterOperator.After] = "after",
    };

    public static string Token(this FilterOperator op) => Tokens[op];

    public static bool TryParse(string token, out FilterOperator op)
    {
        foreach (var (key, value) in Tokens)
        {
            if (value == token)
            {
                op = key;
                return true;
            }
        }
        op = default;
        return false;
    }

    public static bool NeedsValue(this FilterOperator op) => op is not (FilterOperator.IsEmpty or FilterOperator.IsNotEmpty);
}
