using CrmBlazor.Domain.Payments;
using CrmBlazor.Localization;

namespace CrmBlazor.Payments;

/// <summary>How a payment reads on screen: "Card (Stripe)", "Bank transfer".</summary>
public static class PaymentText
{
    public static string Method(PaymentMethod method, Text t) => t["PaymentMethod." + method];

    public static string How(PaymentMethod method, string provider, Text t) => provider switch
    {
        PaymentProviders.Stripe => $"{Method(method, t)} (Stripe)",
        PaymentProviders.Sandbox => $"{Method(method, t)} ({t["Payments.Provider.Sandbox"]})",
        _ => Method(method, t),
    };
}
