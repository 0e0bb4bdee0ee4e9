using CrmBlazor.Domain.Payments;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using PaymentMethod = CrmBlazor.Domain.Payments.PaymentMethod;

namespace CrmBlazor.Payments;

/// <summary>
/// Stripe's confirmations (SND-5). The raw body is checked against the Stripe-Signature header with the webhook
/// secret and a timestamp tolerance: a bad signature or an old timestamp is answered 400 and nothing is recorded.
/// A completed, paid checkout goes to <see cref="PaymentService.ConfirmAsync"/>, which records it once.
/// </summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    public static void MapStripeWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (HttpRequest request, IOptions<PaymentOptions> options, PaymentService payments, ILoggerFactory logs, CancellationToken ct) =>
        {
            var stripe = options.Value.Stripe;
            if (string.IsNullOrEmpty(stripe.WebhookSecret)) return Results.NotFound();
            using var reader = new StreamReader(request.Body);
            var json = await reader.ReadToEndAsync(ct);
            Event stripeEvent;
            try
            {
                // Webhook endpoints are pinned to the API release they were made with: read the fields we use whatever it is.
                stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"], stripe.WebhookSecret,
                    stripe.WebhookToleranceSeconds, throwOnApiVersionMismatch: false);
            }
            catch (Exception ex) when (ex is StripeException or NullReferenceException or FormatException or ArgumentException)
            {
                // Stripe.net throws a NullReferenceException for a missing header: any request it cannot verify is a bad request.
                logs.CreateLogger(typeof(StripeWebhookEndpoint)).LogWarning("Stripe webhook refused: {Reason}", ex.Message);
                return Results.BadRequest();
            }

            if (ToConfirmation(stripeEvent) is { } confirmation) await payments.ConfirmAsync(confirmation, ct);
            return Results.Ok();
        });

    /// <summary>A paid checkout (card at once, or a transfer that cleared later); null for any other event.</summary>
    public static PaymentConfirmation? ToConfirmation(Event stripeEvent)
    {
        var method = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted => PaymentMethod.Card,
            EventTypes.CheckoutSessionAsyncPaymentSucceeded => PaymentMethod.Transfer,
            _ => (PaymentMethod?)null,
        };
        if (method is null || stripeEvent.Data.Object is not Session { PaymentStatus: "paid" } session) return null;
        return new PaymentConfirmation(PaymentProviders.Stripe, stripeEvent.Id, stripeEvent.Type, session.PaymentIntentId ?? session.Id,
            session.Id, session.AmountTotal ?? 0, session.Currency ?? string.Empty, method.Value);
    }
}
