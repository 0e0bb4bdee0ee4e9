using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Tests.Support;

/// <summary>Valid client forms with sensible defaults; tests change only what they are about.</summary>
public static class ClientBuilder
{
    private static int _counter;

    public static ClientForm Company(string name = "Astillero Norte SL", Action<ClientForm>? change = null)
    {
        var form = new ClientForm
        {
            Kind = ClientKind.Company, CompanyName = name, Email = $"info{Interlocked.Increment(ref _counter)}@example.com",
            Phone = "+34 600 000 000", VatId = "ESB12345678", City = "Bilbao", Country = "España", Language = "es", Currency = "EUR",
        };
        change?.Invoke(form);
        return form;
    }

    public static ClientForm Person(string first = "Zofia", string last = "Nowak", Action<ClientForm>? change = null)
    {
        var form = new ClientForm
        {
            Kind = ClientKind.Person, FirstName = first, LastName = last,
            Email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{Interlocked.Increment(ref _counter)}@example.com",
            Phone = "+48 600 100 200", City = "Kraków", Country = "Polska", Language = "pl", Currency = "PLN",
        };
        change?.Invoke(form);
        return form;
    }
}
