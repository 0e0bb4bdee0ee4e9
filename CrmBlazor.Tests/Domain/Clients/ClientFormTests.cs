using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Domain.Clients;

/// <summary>The field rules of the client form, without a database (DIR-2, DIR-7, CON-1, NF-3).</summary>
public class ClientFormTests
{
    [Fact]
    public void NF_3_valid_forms_pass_and_every_broken_field_is_reported_at_once()
    {
        ClientBuilder.Company().Validate();
        ClientBuilder.Person().Validate();

        var form = ClientBuilder.Person("", "", f =>
        {
            f.Email = "nope"; f.Phone = "600 abc"; f.IsCustomer = false; f.IsSupplier = false; f.Language = "EN"; f.Currency = "zł";
            f.VatId = new string('v', 31); f.Street = new string('s', 201); f.PostalCode = new string('9', 21); f.City = new string('c', 101); f.Country = new string('k', 101);
        });

        var error = Assert.Throws<ValidationFailedException>(form.Validate);
        Assert.Equal(new Dictionary<string, string>
        {
            ["FirstName"] = "Error.Required", ["LastName"] = "Error.Required", ["Email"] = "Error.EmailInvalid", ["Phone"] = "Error.PhoneInvalid",
            ["VatId"] = "Error.TooLong|30", ["Street"] = "Error.TooLong|200", ["PostalCode"] = "Error.TooLong|20", ["City"] = "Error.TooLong|100",
            ["Country"] = "Error.TooLong|100", ["IsCustomer"] = "Error.RoleRequired", ["Language"] = "Error.LanguageInvalid", ["Currency"] = "Error.CurrencyInvalid",
        }, error.Errors.ToDictionary());
    }

    [Theory]
    [InlineData(100, 99, null, null)]
    [InlineData(99, 100, null, null)]
    [InlineData(100, 100, null, "Error.TooLong|99")]
    [InlineData(101, 1, "Error.TooLong|100", null)]
    [InlineData(10_000, 10_000, "Error.TooLong|100", "Error.TooLong|100")]
    public void CON_1_names_are_limited_so_that_the_full_name_fits(int firstLength, int lastLength, string? firstError, string? lastError)
    {
        var form = ClientBuilder.Person(new string('a', firstLength), new string('b', lastLength), f => f.Email = "a@example.com");
        var errors = Record.Exception(form.Validate) is ValidationFailedException e ? e.Errors : new Dictionary<string, string>();
        Assert.Equal(firstError, errors.GetValueOrDefault("FirstName"));
        Assert.Equal(lastError, errors.GetValueOrDefault("LastName"));
    }

    [Fact]
    public void CON_1_a_person_needs_both_names_and_a_company_its_name_whatever_the_other_fields_say()
    {
        Expect.FieldError(ClientBuilder.Person("Jan", "   ").Validate, "LastName", "Error.Required");
        Expect.FieldError(ClientBuilder.Person("", "Nowak").Validate, "FirstName", "Error.Required");
        Expect.FieldError(ClientBuilder.Company(" ", f => f.FirstName = "Jan").Validate, "CompanyName", "Error.Required");
        ClientBuilder.Person(change: f => f.CompanyName = "").Validate();
        ClientBuilder.Company(new string('n', 200) + "   ").Validate();
        Expect.FieldError(ClientBuilder.Company(new string('n', 201)).Validate, "CompanyName", "Error.TooLong|200");
    }

    [Theory]
    [InlineData("zofia@example.com", true)]
    [InlineData("  zofia.nowak+crm@mail.example.pl ", true)]
    [InlineData("", true)]
    [InlineData("zofia@localhost", false)]
    [InlineData("zofia example.com", false)]
    [InlineData("Zofia <zofia@example.com>", false)]
    [InlineData("zofia@exa mple.com", false)]
    [InlineData("@example.com", false)]
    public void CON_1_the_email_must_be_a_plain_address(string email, bool valid)
    {
        var form = ClientBuilder.Person(change: f => f.Email = email);
        if (valid) form.Validate();
        else Expect.FieldError(form.Validate, "Email", "Error.EmailInvalid");
    }

    [Theory]
    [InlineData("+48 (22) 600-100.200", true)]
    [InlineData("", true)]
    [InlineData("600100200 ext 5", false)]
    [InlineData("=1+1", false)]
    public void CON_1_a_phone_holds_only_digits_and_dialling_signs(string phone, bool valid)
    {
        var form = ClientBuilder.Company(change: f => f.Phone = phone);
        if (valid) form.Validate();
        else Expect.FieldError(form.Validate, "Phone", "Error.PhoneInvalid");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void DIR_2_any_non_empty_combination_of_roles_is_valid(bool customer, bool supplier) =>
        ClientBuilder.Company(change: f => { f.IsCustomer = customer; f.IsSupplier = supplier; }).Validate();

    [Fact]
    public void DIR_7_the_offered_languages_include_en_es_fr_pl_and_each_offered_value_validates()
    {
        Assert.All(new[] { "en", "es", "fr", "pl" }, language => Assert.Contains(language, SupportedLanguages.All));
        foreach (var language in SupportedLanguages.All) ClientBuilder.Company(change: f => f.Language = language).Validate();
        foreach (var currency in ClientOptions.Currencies) ClientBuilder.Company(change: f => f.Currency = currency).Validate();
        Expect.FieldError(ClientBuilder.Company(change: f => f.Language = "").Validate, "Language", "Error.LanguageInvalid");
        Expect.FieldError(ClientBuilder.Company(change: f => f.Currency = "").Validate, "Currency", "Error.CurrencyInvalid");
    }
}
