using Bogus;
using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Domain.Demo;

/// <summary>
/// Spanish, French and Polish companies and persons with local names, addresses and phone numbers,
/// always the same for the same seed.
/// </summary>
public static class DemoClientGenerator
{
    private static readonly (string Locale, string Country, string Language, string Currency, string Dial)[] Markets =
    [
        ("es", "España", "es", "EUR", "+34"),
        ("fr", "France", "fr", "EUR", "+33"),
        ("pl", "Polska", "pl", "PLN", "+48"),
    ];

    public static IEnumerable<ClientForm> Companies(int count, int seed) => Generate(count, seed, ClientKind.Company);

    public static IEnumerable<ClientForm> Persons(int count, int seed) => Generate(count, seed + 1, ClientKind.Person);

    private static IEnumerable<ClientForm> Generate(int count, int seed, ClientKind kind)
    {
        var fakers = Markets.Select((m, i) => (Market: m, Faker: new Faker(m.Locale) { Random = new Randomizer(seed * 7 + i) })).ToArray();
        var pick = new Randomizer(seed);
        for (var i = 0; i < count; i++)
        {
            var (market, f) = fakers[i % fakers.Length];
            var form = new ClientForm
            {
                Kind = kind,
                Phone = market.Dial + f.Phone.PhoneNumber(" 6## ### ###"),
                Street = Limit(f.Address.StreetAddress(), ClientForm.NameMax),
                PostalCode = Limit(f.Address.ZipCode(), 20),
                City = Limit(f.Address.City(), ClientForm.ShortMax),
                Country = market.Country,
                Language = market.Language,
                Currency = market.Currency,
                IsCustomer = pick.Int(0, 9) != 0,
            };
            form.IsSupplier = !form.IsCustomer || pick.Int(0, 7) == 0;
            if (kind == ClientKind.Company)
            {
                form.CompanyName = Limit(f.Company.CompanyName(), ClientForm.NameMax);
                form.VatId = market.Locale.ToUpperInvariant() + f.Random.ReplaceNumbers("#########");
                form.Email = $"contact{i}@{Slug(form.CompanyName)}.example";
            }
            else
            {
                form.FirstName = f.Name.FirstName();
                form.LastName = f.Name.LastName();
                form.Email = $"{Slug(form.FirstName)}.{Slug(form.LastName)}.{i}@mail.example";
            }
            yield return form;
        }
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];

    private static string Slug(string text)
    {
        var folded = Common.SearchText.Fold(text);
        var slug = new string(folded.Where(char.IsAsciiLetterOrDigit).ToArray());
        return slug.Length == 0 ? "x" : slug[..Math.Min(slug.Length, 30)];
    }
}
