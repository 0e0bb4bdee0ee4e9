namespace CrmBlazor.Domain.Payments;

/// <summary>
/// Where the client pays (SND-5): the built-in sandbox or Stripe Checkout. The gateway is told the amount
/// by the server (the document's balance), never by the browser, and answers with the page to send the
/// client to and its own reference for the checkout, which its confirmation will carry back.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The provider name stored on attempts, payments and events ("sandbox", "stripe").</summary>
    string Name { get; }

    Task<CheckoutRedirect> StartCheckoutAsync(CheckoutRequest request, CancellationToken ct);
}

/// <summary>What is to be paid, and where the gateway sends the client afterwards.</summary>
public sealed record CheckoutRequest(
    long AttemptId, long DocumentId, string DocumentLabel, long AmountMinor, string Currency, string Language,
    Uri SuccessUrl, Uri CancelUrl);

public sealed record CheckoutRedirect(Uri Url, string ProviderReference);

public static class PaymentProviders
{
    public const string Sandbox = "sandbox";
    public const string Stripe = "stripe";
    /// <summary>Payments typed in by office staff (transfer, cash...).</summary>
    public const string Manual = "manual";
}
