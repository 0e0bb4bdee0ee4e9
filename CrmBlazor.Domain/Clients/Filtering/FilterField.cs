using CrmBlazor.Domain.Localization;
namespace CrmBlazor.Domain.Clients.Filtering;

public enum FilterValueType
{
    Text,
    Choice,
    Date,
}

/// <summary>A field the filter builder offers: its key in URLs, its value type, operators and choices.</summary>
public sealed record FilterField(string Key, FilterValueType Type, IReadOnlyList<FilterOperator> Operators, IReadOnlyList<string> Choices);

/// <summary>The only fields a filter may use (DIR-4); anything else, e.g. from a hand-edited URL, is refused.</summary>
public static class FilterFields
{
    private static readonly FilterOperator[] TextOps =
        [FilterOperator.Contains, FilterOperator.Equals, FilterOperator.StartsWith, FilterOperator.IsEmpty, FilterOperator.IsNotEmpty];
    private static readonly FilterOperator[] ChoiceOps = [FilterOperator.Equals, FilterOperator.NotEquals];

    public const string Active = "active";
    public const string Role = "role";
    public const string Name = "name";
    public const string Email = "email";
    public const string City = "city";
    public const string Country = "country";
    public const string Language = "language";
    public const string Currency = "currency";
    public const string Created = "created";

    public const string Yes = "yes";
    public const string No = "no";
    public const string CustomerRole = "client";
    public const string SupplierRole = "supplier";

    public static readonly IReadOnlyList<FilterField> All =
    [
        new(Active, FilterValueType.Choice, ChoiceOps, [Yes, No]),
        new(Role, FilterValueType.Choice, ChoiceOps, [CustomerRole, SupplierRole]),
        new(Name, FilterValueType.Text, TextOps, []),
        new(Email, FilterValueType.Text, TextOps, []),
        new(City, FilterValueType.Text, TextOps, []),
        new(Country, FilterValueType.Text, TextOps, []),
        new(Language, FilterValueType.Choice, ChoiceOps, SupportedLanguages.All),
        new(Currency, FilterValueType.Choice, ChoiceOps, ClientOptions.Currencies),
        new(Created, FilterValueType.Date, [FilterOperator.Before, FilterOperator.After], []),
    ];

    public static FilterField? Find(string key) => All.FirstOrDefault(f => f.Key == key);
}
