using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// The sandbox gateway's card form being submitted: the card is checked like a test card at a real gateway, and a
/// good one confirms through <see cref="PaymentService.ConfirmAsync"/> exactly as a Stripe webhook does. The event
/// id follows from the checkout reference, so a double submit is one event.
/// </summary>
public sealed class SandboxCheckout(PublicPayments pages, PaymentService payments, TimeProvider clock)
{
    public const string EventType = "sandbox.payment_succeeded";

    /// <summary>False when there is no such pending sandbox checkout; field errors or a decline as exceptions.</summary>
    public async Task<bool> PayAsync(string reference, string? number, string? expiry, string? cvc, CancellationToken ct = default)
    {
        var checkout = await pages.GetSandboxCheckoutAsync(reference, ct);
        if (checkout is null) return false;
        SandboxCard.Validate(number, expiry, cvc, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (SandboxCard.IsDeclined(number)) throw new DomainException("Error.SandboxCardDeclined");
        await payments.ConfirmAsync(new PaymentConfirmation(PaymentProviders.Sandbox, SandboxPaymentGateway.EventId(reference), EventType,
            SandboxPaymentGateway.PaymentId(reference), reference, checkout.AmountMinor, checkout.Currency), ct);
        return true;
    }
}
