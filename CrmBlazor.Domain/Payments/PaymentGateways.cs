using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Payments;

/// <summary>The gateway chosen by Payments:Gateway; none when it is "None" (then no Pay links, SND-2).</summary>
public sealed class PaymentGateways(IServiceProvider services, IOptions<PaymentOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public IPaymentGateway? Current => options.Value.Gateway.ToLowerInvariant() switch
    {
        "none" => null,
        "sandbox" => services.GetRequiredService<SandboxPaymentGateway>(),
        "stripe" => services.GetRequiredService<StripePaymentGateway>(),
        var other => throw new InvalidOperationException($"Payments:Gateway \"{other}\" is not Sandbox, Stripe or None."),
    };

    public bool IsSandbox => string.Equals(options.Value.Gateway, "Sandbox", StringComparison.OrdinalIgnoreCase);
}
