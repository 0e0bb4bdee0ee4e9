namespace CrmBlazor.Domain.Clients;

/// <summary>The currencies a client may use (DIR-7); its languages are <see cref="Localization.SupportedLanguages"/>.</summary>
public static class ClientOptions
{
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "PLN", "GBP", "USD", "CHF"];
}
