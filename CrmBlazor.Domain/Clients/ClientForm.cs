using System.Net.Mail;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Localization;

namespace CrmBlazor.Domain.Clients;

/// <summary>What staff type in to create or edit a client; <see cref="Validate"/> states every field rule.</summary>
public sealed class ClientForm
{
    public const int NameMax = 200;
    public const int ShortMax = 100;
    public const int EmailMax = 254;

    public ClientKind Kind { get; set; }
    public string CompanyName { get; set; } = string.Empty;
    public string FirstName { get; set; } = string.Empty;
    public string LastName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string VatId { get; set; } = string.Empty;
    public string Street { get; set; } = string.Empty;
    public string PostalCode { get; set; } = string.Empty;
    public string City { get; set; } = string.Empty;
    public string Country { get; set; } = string.Empty;
    public bool IsCustomer { get; set; } = true;
    public bool IsSupplier { get; set; }
    public string Language { get; set; } = "en";
    public string Currency { get; set; } = "EUR";

    public void Validate()
    {
        var errors = new FieldErrors();
        if (Kind == ClientKind.Company)
        {
            Required(errors, nameof(CompanyName), CompanyName, NameMax);
        }
        else
        {
            Required(errors, nameof(FirstName), FirstName, ShortMax);
            // "First Last" is stored as the name, at most NameMax long: the last name gets what the first leaves.
            var first = FirstName.Trim().Length;
            Required(errors, nameof(LastName), LastName, first <= ShortMax ? Math.Min(ShortMax, NameMax - 1 - first) : ShortMax);
        }

        Optional(errors, nameof(Email), Email, EmailMax);
        if (!string.IsNullOrWhiteSpace(Email) && !IsEmail(Email.Trim()))
            errors.Add(nameof(Email), "Error.EmailInvalid");
        Optional(errors, nameof(Phone), Phone, 40);
        if (Phone.Any(c => !(char.IsDigit(c) || " +-().".Contains(c))))
            errors.Add(nameof(Phone), "Error.PhoneInvalid");
        Optional(errors, nameof(VatId), VatId, 30);
        Optional(errors, nameof(Street), Street, NameMax);
        Optional(errors, nameof(PostalCode), PostalCode, 20);
        Optional(errors, nameof(City), City, ShortMax);
        Optional(errors, nameof(Country), Country, ShortMax);
        if (!IsCustomer && !IsSupplier) errors.Add(nameof(IsCustomer), "Error.RoleRequired");
        if (!SupportedLanguages.All.Contains(Language)) errors.Add(nameof(Language), "Error.LanguageInvalid");
        if (!ClientOptions.Currencies.Contains(Currency)) errors.Add(nameof(Currency), "Error.CurrencyInvalid");
        errors.ThrowIfAny();
    }

    public ClientForm Clone() => (ClientForm)MemberwiseClone();

    public static ClientForm From(Client c) => new()
    {
        Kind = c.Kind,
        CompanyName = c.Kind == ClientKind.Company ? c.Name : string.Empty,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Email = c.Email,
        Phone = c.Phone,
        VatId = c.VatId,
        Street = c.Street,
        PostalCode = c.PostalCode,
        City = c.City,
        Country = c.Country,
        IsCustomer = c.IsCustomer,
        IsSupplier = c.IsSupplier,
        Language = c.Language,
        Currency = c.Currency,
    };

    private static void Required(FieldErrors errors, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "Error.Required");
        else Optional(errors, field, value, max);
    }

    private static void Optional(FieldErrors errors, string field, string value, int max)
    {
        if (value.Trim().Length > max) errors.Add(field, $"Error.TooLong|{max}");
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)
        && !value.Contains(' ', StringComparison.Ordinal);
}
