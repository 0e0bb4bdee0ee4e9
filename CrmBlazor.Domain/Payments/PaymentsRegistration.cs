using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stripe;

namespace CrmBlazor.Domain.Payments;

public static class PaymentsRegistration
{
    /// <summary>The gateways, the payment services and a Stripe client made from Payments:Stripe:SecretKey when first needed.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section);
        services.TryAddSingleton<IStripeClient>(sp =>
            new StripeClient(sp.GetRequiredService<IOptions<PaymentOptions>>().Value.Stripe.SecretKey, httpClient: new SystemNetHttpClient(new HttpClient())));
        services.AddSingleton<SandboxPaymentGateway>();
        services.AddSingleton<StripePaymentGateway>();
        services.AddSingleton<PaymentGateways>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PublicPayments>();
        services.AddScoped<SandboxCheckout>();
        services.AddScoped<StaffPayments>();
        return services;
    }
}
