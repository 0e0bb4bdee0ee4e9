namespace CrmBlazor.Domain.Payments;

/// <summary>
/// "Payments" in appsettings.json. Gateway: "Sandbox" (the built-in test card page, the default),
/// "Stripe" (Checkout; needs the keys) or "None" (no Pay links at all, SND-2).
/// </summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public string Gateway { get; set; } = "Sandbox";
    public StripeOptions Stripe { get; set; } = new();

    public bool IsConfigured => !string.Equals(Gateway, "None", StringComparison.OrdinalIgnoreCase);
}

public sealed class StripeOptions
{
    public string SecretKey { get; set; } = string.Empty;
    public string WebhookSecret { get; set; } = string.Empty;
    /// <summary>Webhook events older than this are refused (replay protection on top of the event id).</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;
}
