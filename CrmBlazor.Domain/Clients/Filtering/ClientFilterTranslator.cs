using System.Linq.Expressions;
using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Clients.Filtering;

/// <summary>Turns checked filter rules into LINQ the database runs; text compares on folded columns.</summary>
public static class ClientFilterTranslator
{
    public static IQueryable<Client> Apply(IQueryable<Client> query, ClientFilter filter)
    {
        foreach (var rule in filter.Rules) query = Apply(query, rule);
        return query;
    }

    private static IQueryable<Client> Apply(IQueryable<Client> q, FilterRule rule)
    {
        var negate = rule.Operator == FilterOperator.NotEquals;
        switch (rule.Field)
        {
            case FilterFields.Active:
                var active = (rule.Value == FilterFields.Yes) != negate;
                return active ? q.Where(c => c.Status == ClientStatus.Active) : q.Where(c => c.Status == ClientStatus.Inactive);
            case FilterFields.Role:
                var customer = rule.Value == FilterFields.CustomerRole;
                return (customer, negate) switch
                {
                    (true, false) => q.Where(c => c.IsCustomer),
                    (true, true) => q.Where(c => !c.IsCustomer),
                    (false, false) => q.Where(c => c.IsSupplier),
                    _ => q.Where(c => !c.IsSupplier),
                };
            case FilterFields.Language:
                return negate ? q.Where(c => c.Language != rule.Value) : q.Where(c => c.Language == rule.Value);
            case FilterFields.Currency:
                return negate ? q.Where(c => c.Currency != rule.Value) : q.Where(c => c.Currency == rule.Value);
            case FilterFields.Created:
                rule.TryDate(out var date);
                return rule.Operator == FilterOperator.Before
                    ? q.Where(c => c.CreatedAt < date)
                    : q.Where(c => c.CreatedAt >= date.AddDays(1));
            case FilterFields.Name:
                return Text(q, rule, c => c.NameFolded);
            case FilterFields.Email:
                return Text(q, rule, c => c.EmailLower);
            case FilterFields.City:
                return Text(q, rule, c => c.CityFolded);
            case FilterFields.Country:
                return Text(q, rule, c => c.CountryFolded);
            default:
                throw new DomainException("Error.FilterFieldNotOffered", "filter", rule.Field);
        }
    }

    private static IQueryable<Client> Text(IQueryable<Client> q, FilterRule rule, Expression<Func<Client, string>> column)
    {
        var value = SearchText.Fold(rule.Value);
        var param = column.Parameters[0];
        var body = column.Body;
        Expression test = rule.Operator switch
        {
            FilterOperator.Equals => Expression.Equal(body, Constant(value)),
            FilterOperator.Contains => Call(body, nameof(string.Contains), value),
            FilterOperator.StartsWith => Call(body, nameof(string.StartsWith), value),
            FilterOperator.IsEmpty => Expression.Equal(body, Constant(string.Empty)),
            FilterOperator.IsNotEmpty => Expression.NotEqual(body, Constant(string.Empty)),
            _ => throw new DomainException("Error.FilterOperatorNotOffered", "filter", rule.Operator.Token(), rule.Field),
        };
        return q.Where(Expression.Lambda<Func<Client, bool>>(test, param));
    }

    // A captured variable rather than a literal: the database sees a parameter and reuses its plan.
    private static Expression Constant(string value)
    {
        var holder = new ValueHolder(value);
        return Expression.Property(Expression.Constant(holder), nameof(ValueHolder.Value));
    }

    private static Expression Call(Expression body, string method, string value) =>
        Expression.Call(body, typeof(string).GetMethod(method, [typeof(string)])!, Constant(value));

    private sealed record ValueHolder(string Value);
}
