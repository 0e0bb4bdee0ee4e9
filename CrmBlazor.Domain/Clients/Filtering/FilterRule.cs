using System.Globalization;
using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Clients.Filtering;

/// <summary>One `field operator value` rule. Its URL form is "field.operator.value".</summary>
public sealed record FilterRule(string Field, FilterOperator Operator, string Value)
{
    /// <summary>Keeps the longest filter (<see cref="ClientFilter.MaxRules"/> rules) within <see cref="SavedFilter.QueryMax"/>.</summary>
    public const int ValueMax = 80;

    public override string ToString() => $"{Field}.{Operator.Token()}.{Value}";

    /// <summary>Parses and checks a rule from its URL form; anything not offered is refused with a message.</summary>
    public static FilterRule Parse(string text)
    {
        var parts = text.Split('.', 3);
        if (parts.Length < 2) throw new DomainException("Error.FilterMalformed", "filter", text);
        var field = FilterFields.Find(parts[0]) ?? throw new DomainException("Error.FilterFieldNotOffered", "filter", parts[0]);
        if (!FilterOperators.TryParse(parts[1], out var op) || !field.Operators.Contains(op))
            throw new DomainException("Error.FilterOperatorNotOffered", "filter", parts[1], field.Key);
        var value = parts.Length == 3 ? parts[2].Trim() : string.Empty;
        var rule = new FilterRule(field.Key, op, value);
        rule.Check(field);
        return rule;
    }

    public void Check(FilterField field)
    {
        if (!Operator.NeedsValue()) return;
        if (Value.Length == 0) throw new DomainException("Error.FilterValueRequired", "filter", Field);
        if (Value.Length > ValueMax) throw new DomainException("Error.FilterValueTooLong", "filter", ValueMax);
        if (field.Type == FilterValueType.Choice && !field.Choices.Contains(Value))
            throw new DomainException("Error.FilterValueNotOffered", "filter", Value, Field);
        if (field.Type == FilterValueType.Date && !TryDate(out _))
            throw new DomainException("Error.FilterDateInvalid", "filter", Value);
    }

    public bool TryDate(out DateTime date) =>
        DateTime.TryParseExact(Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out date);
}
