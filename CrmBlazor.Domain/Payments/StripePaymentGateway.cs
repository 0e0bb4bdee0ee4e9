using System.Globalization;
using Stripe;
using Stripe.Checkout;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// Stripe Checkout (SND-5): one line with the server-side balance in minor units and the document's currency;
/// the attempt and document ids ride along as metadata and client_reference_id. The confirmation comes back
/// through the signed webhook (/webhooks/stripe), never from the browser's return to the success URL.
/// </summary>
public sealed class StripePaymentGateway(IStripeClient stripe) : IPaymentGateway
{
    public string Name => PaymentProviders.Stripe;

    public async Task<CheckoutRedirect> StartCheckoutAsync(CheckoutRequest request, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string>
        {
            ["attempt_id"] = request.AttemptId.ToString(CultureInfo.InvariantCulture),
            ["document_id"] = request.DocumentId.ToString(CultureInfo.InvariantCulture),
        };
        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.AttemptId.ToString(CultureInfo.InvariantCulture),
            SuccessUrl = request.SuccessUrl.ToString(),
            CancelUrl = request.CancelUrl.ToString(),
            Locale = request.Language,
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = request.AmountMinor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.DocumentLabel },
                    },
                },
            ],
        };
        // Stripe.net retries a failed request with one idempotency key, so a network hiccup makes one session, not two.
        var session = await new SessionService(stripe).CreateAsync(options, cancellationToken: ct);
        return new CheckoutRedirect(new Uri(session.Url), session.Id);
    }
}
