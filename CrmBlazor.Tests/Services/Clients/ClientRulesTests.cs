using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Field rules of a client record as the service enforces them on both databases (DIR-2, DIR-7, CON-1).</summary>
public class ClientRulesTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_2_an_edit_removing_every_role_is_refused_and_the_roles_stay(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var id = await host.CreateAsync(ClientBuilder.Company(change: f => f.IsSupplier = true));
        var before = await host.CountsAsync();

        var form = ClientBuilder.Company(change: f => { f.IsCustomer = false; f.IsSupplier = false; });
        await Expect.FieldErrorAsync(() => clients.UpdateAsync(id, form, 1), nameof(ClientForm.IsCustomer), "Error.RoleRequired");

        var stored = await clients.GetAsync(id);
        Assert.True(stored!.Form.IsCustomer);
        Assert.True(stored.Form.IsSupplier);
        Assert.Equal(1, stored.Version);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_2_supplier_only_is_a_valid_role_and_is_stored(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var id = await host.CreateAsync(ClientBuilder.Company(change: f => { f.IsCustomer = false; f.IsSupplier = true; }));

        var stored = await host.Get<ClientService>().GetAsync(id);
        Assert.False(stored!.Form.IsCustomer);
        Assert.True(stored.Form.IsSupplier);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_7_each_document_language_and_currency_is_stored_and_read_back(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        string[] languages = ["en", "es", "fr", "pl"], currencies = ["EUR", "PLN", "GBP", "USD", "CHF"];

        for (var i = 0; i < currencies.Length; i++)
        {
            var (language, currency) = (languages[i % languages.Length], currencies[i]);
            var id = await host.CreateAsync(ClientBuilder.Company($"Firma {i}", f => { f.Language = language; f.Currency = currency; }));
            var stored = await clients.GetAsync(id);
            Assert.Equal(language, stored!.Form.Language);
            Assert.Equal(currency, stored.Form.Currency);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_7_an_unknown_language_or_currency_is_refused_on_create_and_on_edit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();

        var error = await Expect.FieldErrorAsync(
            () => clients.CreateAsync(ClientBuilder.Company(change: f => { f.Language = "de"; f.Currency = "eur"; })),
            nameof(ClientForm.Language), "Error.LanguageInvalid");
        Assert.Equal("Error.CurrencyInvalid", error.Errors[nameof(ClientForm.Currency)]);
        Assert.Equal(0, (await host.CountsAsync()).Clients);

        var id = await host.CreateAsync(ClientBuilder.Company());
        await Expect.FieldErrorAsync(() => clients.UpdateAsync(id, ClientBuilder.Company(change: f => f.Currency = "XYZ"), 1),
            nameof(ClientForm.Currency), "Error.CurrencyInvalid");
        Assert.Equal("EUR", (await clients.GetAsync(id))!.Form.Currency);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_second_person_with_the_same_email_in_other_case_is_refused_and_nothing_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak", f => f.Email = "zofia@example.com"));
        var before = await host.CountsAsync();

        await Expect.FieldErrorAsync(
            () => host.CreateAsync(ClientBuilder.Person("Jan", "Nowak", f => f.Email = "  ZOFIA@Example.COM ")),
            nameof(ClientForm.Email), "Error.EmailTaken");

        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_an_edit_to_a_taken_email_is_refused_and_the_person_keeps_its_own(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak", f => f.Email = "zofia@example.com"));
        var janForm = ClientBuilder.Person("Jan", "Nowak", f => f.Email = "jan@example.com");
        var jan = await host.CreateAsync(janForm);
        var before = await host.CountsAsync();

        janForm.Email = "Zofia@example.com";
        await Expect.FieldErrorAsync(() => clients.UpdateAsync(jan, janForm, 1), nameof(ClientForm.Email), "Error.EmailTaken");

        var stored = await clients.GetAsync(jan);
        Assert.Equal("jan@example.com", stored!.Form.Email);
        Assert.Equal(1, stored.Version);
        Assert.Equal(before, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_person_may_keep_its_own_email_and_companies_may_share_one_with_a_person(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var personForm = ClientBuilder.Person(change: f => f.Email = "office@example.com");
        var person = await host.CreateAsync(personForm);
        await host.CreateAsync(ClientBuilder.Company("Alfa", f => f.Email = "office@example.com"));
        await host.CreateAsync(ClientBuilder.Company("Beta", f => f.Email = "OFFICE@example.com"));
        await host.CreateAsync(ClientBuilder.Person("Bez", "Maila", f => f.Email = ""));
        await host.CreateAsync(ClientBuilder.Person("Też", "Bez", f => f.Email = ""));

        personForm.City = "Gdańsk";
        Assert.Equal(2, await clients.UpdateAsync(person, personForm, 1));
        Assert.Equal(5, (await host.CountsAsync()).Clients);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_two_people_saving_the_same_email_at_once_end_with_one_person_and_a_field_error(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var calls = Enumerable.Range(0, 2).Select(async i =>
        {
            await Task.Yield();
            try { await host.CreateAsync(ClientBuilder.Person($"P{i}", "Race", f => f.Email = "same@example.com")); return null; }
            catch (ValidationFailedException ex) { return ex.Errors[nameof(ClientForm.Email)]; }
        });

        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r == "Error.EmailTaken");
        Assert.Equal(new TableCounts(1, 1, 0), await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_first_and_last_name_are_required_and_ten_thousand_characters_are_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);

        var missing = await Expect.FieldErrorAsync(() => host.CreateAsync(ClientBuilder.Person(" ", "")),
            nameof(ClientForm.FirstName), "Error.Required");
        Assert.Equal("Error.Required", missing.Errors[nameof(ClientForm.LastName)]);

        var huge = new string('x', 10_000);
        var tooLong = await Expect.FieldErrorAsync(() => host.CreateAsync(ClientBuilder.Person(huge, huge)),
            nameof(ClientForm.FirstName), $"Error.TooLong|{ClientForm.ShortMax}");
        Assert.Equal($"Error.TooLong|{ClientForm.ShortMax}", tooLong.Errors[nameof(ClientForm.LastName)]);
        await Expect.FieldErrorAsync(() => host.CreateAsync(ClientBuilder.Company(huge)),
            nameof(ClientForm.CompanyName), $"Error.TooLong|{ClientForm.NameMax}");

        Assert.Equal(new TableCounts(0, 0, 0), await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_names_at_their_longest_allowed_length_are_saved_whole(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        // The full name "first last" must fit the stored name: with a 100-character first name, 99 are left for the last.
        var (first, last) = (new string('F', ClientForm.ShortMax), new string('L', ClientForm.NameMax - 1 - ClientForm.ShortMax));
        await Expect.FieldErrorAsync(() => host.CreateAsync(ClientBuilder.Person(first, last + "L", f => f.Email = "long@example.com")),
            nameof(ClientForm.LastName), $"Error.TooLong|{last.Length}");

        var person = await host.CreateAsync(ClientBuilder.Person(first, last, f => f.Email = "long@example.com"));
        var company = await host.CreateAsync(ClientBuilder.Company(new string('C', ClientForm.NameMax)));

        var stored = await host.Get<ClientService>().GetAsync(person);
        Assert.Equal((first, last, $"{first} {last}"), (stored!.Form.FirstName, stored.Form.LastName, stored.Name));
        Assert.Equal(ClientForm.NameMax, (await host.Get<ClientService>().GetAsync(company))!.Name.Length);
        Assert.Equal(new TableCounts(2, 2, 0), await host.CountsAsync());
    }
}
