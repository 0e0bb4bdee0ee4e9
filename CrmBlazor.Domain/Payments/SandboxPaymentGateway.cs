using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// The built-in gateway for demos and tests: a test card page served by the app (/pay/sandbox/{reference}).
/// Its reference is random and unguessable, because the page's address is all it takes to pay there.
/// Where to go afterwards travels in the address; the page only follows addresses on the public base URL.
/// </summary>
public sealed class SandboxPaymentGateway(IOptions<SendingOptions> sending) : IPaymentGateway
{
    public string Name => PaymentProviders.Sandbox;

    public Task<CheckoutRedirect> StartCheckoutAsync(CheckoutRequest request, CancellationToken ct)
    {
        var reference = "sbx_" + PublicLinkToken.New();
        var url = sending.Value.LinkTo(
            $"pay/sandbox/{reference}?return={Uri.EscapeDataString(request.SuccessUrl.ToString())}&cancel={Uri.EscapeDataString(request.CancelUrl.ToString())}");
        return Task.FromResult(new CheckoutRedirect(url, reference));
    }

    /// <summary>The sandbox's event and payment ids follow from the reference, so a second submit of the card page is the same event.</summary>
    public static string EventId(string reference) => "evt_" + reference;

    public static string PaymentId(string reference) => "pay_" + reference;
}
