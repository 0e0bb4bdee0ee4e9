using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Domain;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Tests.Support;

/// <summary>
/// The real /webhooks/stripe endpoint on an in-memory server over a test database (either provider), and Stripe's
/// way of signing a delivery: header "t={unix time},v1={hex HMAC-SHA256 of "{t}.{payload}" with the webhook secret}".
/// </summary>
public sealed class StripeWebhookApp : IAsyncDisposable
{
    public const string Secret = "whsec_test_4f1c9a2b7d";

    private readonly WebApplication _app;

    private StripeWebhookApp(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public static async Task<StripeWebhookApp> StartAsync(DatabaseOptions database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCrmDomain(database, Path.GetTempPath());
        builder.Services.AddSingleton<ICurrentActor, TestActor>();
        builder.Services.Configure<PaymentOptions>(o => { o.Gateway = "Stripe"; o.Stripe.WebhookSecret = Secret; });
        var app = builder.Build();
        app.MapStripeWebhook();
        await app.StartAsync();
        return new StripeWebhookApp(app);
    }

    /// <summary>Posts a payload as Stripe would, signed at <paramref name="signedAt"/> (now by default) with <paramref name="secret"/>.</summary>
    public Task<HttpResponseMessage> DeliverAsync(string payload, DateTimeOffset? signedAt = null, string secret = Secret, string? tamperedPayload = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path)
        {
            Content = new StringContent(tamperedPayload ?? payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", Signature(payload, secret, signedAt ?? DateTimeOffset.UtcNow));
        return Client.SendAsync(request);
    }

    public static string Signature(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A checkout.session.completed event as Stripe sends it (the fields this app reads, and a few around them).</summary>
    public static string SessionCompleted(string eventId, string sessionId, string paymentIntentId, long amountTotal, string currency = "eur",
        string paymentStatus = "paid", string type = "checkout.session.completed") =>
        $$"""
        {
          "id": "{{eventId}}",
          "object": "event",
          "api_version": "2025-09-30.clover",
          "created": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "{{type}}",
          "data": {
            "object": {
              "id": "{{sessionId}}",
              "object": "checkout.session",
              "mode": "payment",
              "status": "complete",
              "payment_status": "{{paymentStatus}}",
              "payment_intent": "{{paymentIntentId}}",
              "amount_subtotal": {{amountTotal}},
              "amount_total": {{amountTotal}},
              "currency": "{{currency}}",
              "client_reference_id": "1",
              "metadata": { "attempt_id": "1" }
            }
          }
        }
        """;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
