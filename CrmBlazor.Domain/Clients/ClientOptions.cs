namespace CrmBlazor.Domain.Clients;

/// <summary>The values a client's language and currency may take (DIR-7).</summary>
public static class ClientOptions
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "fr", "pl"];
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "PLN", "GBP", "USD", "CHF"];
}
