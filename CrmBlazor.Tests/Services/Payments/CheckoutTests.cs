using System.Net;
using System.Text;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using PaymentMethod = CrmBlazor.Domain.Payments.PaymentMethod;

namespace CrmBlazor.Tests.Services.Payments;

/// <summary>SND-5: a checkout is for the server-side balance, and only for a document that can be paid now.</summary>
public class CheckoutTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_paying_a_paid_on_hold_or_cancelled_invoice_is_refused_with_its_message(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (paid, paidToken) = await host.LinkedInvoiceAsync();
        await host.Payments().ConfirmAsync(PaymentData.Confirmation(await host.CheckoutAsync(paidToken)));
        var (held, heldToken) = await host.LinkedInvoiceAsync();
        await host.ChangeDocumentAsync(held, d => d.Hold(host.Clock.GetUtcNow().UtcDateTime));
        var (cancelled, cancelledToken) = await host.LinkedInvoiceAsync();
        await host.Documents().CancelAsync(cancelled, (await host.DetailsAsync(cancelled)).Version);
        var (_, quoteToken) = await host.LinkedInvoiceAsync(DocumentType.Quote);
        await using (var db = host.Db()) Assert.Equal(1, await db.PaymentAttempts.CountAsync());

        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(paidToken, "ip"), "Error.DocumentAlreadyPaid");
        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(heldToken, "ip"), "Error.PaymentDocumentOnHold");
        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(cancelledToken, "ip"), "Error.PaymentDocumentCancelled");
        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(quoteToken, "ip"), "Error.DocumentNotPayable");

        await using (var db = host.Db()) Assert.Equal(1, await db.PaymentAttempts.CountAsync());
        // The public pay page explains the same refusal.
        var pages = host.Get<PublicPayments>();
        Assert.Equal("Error.PaymentDocumentOnHold", (await pages.GetPayPageAsync(heldToken))!.Refusal);
        Assert.Equal("Error.DocumentAlreadyPaid", (await pages.GetPayPageAsync(paidToken))!.Refusal);
        Assert.Equal(DocumentStatus.Paid, (await host.DocumentAsync(paid)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_an_unknown_or_revoked_link_starts_no_checkout(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        await using (var db = host.Db())
        {
            (await db.PublicLinks.SingleAsync(l => l.DocumentId == id)).Revoke(host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        Assert.Null(await host.Payments().StartCheckoutAsync(token, "ip"));
        Assert.Null(await host.Payments().StartCheckoutAsync(PublicLinkToken.New(), "ip"));
        Assert.Null(await host.Payments().StartCheckoutAsync("../../etc/passwd", "ip"));
        Assert.Null(await host.Get<PublicPayments>().GetPayPageAsync(token));
        await using (var db = host.Db()) Assert.Equal(0, await db.PaymentAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_with_no_gateway_configured_nothing_can_be_paid(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider, s => s.Configure<PaymentOptions>(o => o.Gateway = "None"));
        var (_, token) = await host.LinkedInvoiceAsync();

        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(token, "ip"), "Error.PaymentsNotConfigured");
        Assert.Equal("Error.PaymentsNotConfigured", (await host.Get<PublicPayments>().GetPayPageAsync(token))!.Refusal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_sandbox_checkout_asks_for_the_balance_and_returns_to_the_public_base_url(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider,
            s => s.Configure<SendingOptions>(o => o.PublicBaseUrl = "https://crm.example.com/app"));
        var (id, token) = await host.LinkedInvoiceAsync();
        await host.Get<StaffPayments>().RecordPaymentAsync(id, 40_00, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), PaymentMethod.Transfer);

        var started = await host.Payments().StartCheckoutAsync(token, "ip");

        await using var db = host.Db();
        var attempt = await db.PaymentAttempts.SingleAsync();
        Assert.Equal((68_90L, "EUR", PaymentAttemptStatus.Pending, PaymentProviders.Sandbox), (attempt.AmountMinor, attempt.Currency, attempt.Status, attempt.Provider));
        Assert.StartsWith("sbx_", attempt.ProviderReference);
        Assert.Equal($"https://crm.example.com/app/pay/sandbox/{attempt.ProviderReference}", started!.RedirectUrl.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(started.RedirectUrl.Query);
        Assert.Equal($"https://crm.example.com/app/d/{token}/payment/{attempt.Id}", query["return"].ToString());
        Assert.Equal($"https://crm.example.com/app/d/{token}/payment", query["cancel"].ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_stripe_checkout_session_is_requested_with_the_server_side_balance(DatabaseProvider provider)
    {
        // No network here: the Stripe client talks to a handler that keeps the request and answers like Stripe would.
        var stripe = new CannedStripe("""{"id":"cs_test_a1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_a1","payment_status":"unpaid"}""");
        await using var host = await DomainHost.CreateAsync(provider, s =>
        {
            s.Configure<PaymentOptions>(o => o.Gateway = "Stripe");
            s.Configure<SendingOptions>(o => o.PublicBaseUrl = "https://crm.example.com");
            s.AddSingleton<IStripeClient>(new StripeClient("sk_test_123", httpClient: new SystemNetHttpClient(new HttpClient(stripe), maxNetworkRetries: 0)));
        });
        var (id, token) = await host.LinkedInvoiceAsync();
        await host.Get<StaffPayments>().RecordPaymentAsync(id, 8_90, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), PaymentMethod.Cash);

        var started = await host.Payments().StartCheckoutAsync(token, "ip");

        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_a1", started!.RedirectUrl.ToString());
        var request = Assert.Single(stripe.Requests);
        Assert.Equal((HttpMethod.Post, "/v1/checkout/sessions"), (request.Method, request.Path));
        Assert.Equal("Bearer sk_test_123", request.Authorization);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("payment", form["mode"].ToString());
        Assert.Equal("10000", form["line_items[0][price_data][unit_amount]"].ToString());
        Assert.Equal("eur", form["line_items[0][price_data][currency]"].ToString());
        Assert.Equal("1", form["line_items[0][quantity]"].ToString());
        Assert.Equal("INV-2026-0001", form["line_items[0][price_data][product_data][name]"].ToString());
        Assert.Equal(started.AttemptId.ToString(), form["client_reference_id"].ToString());
        Assert.Equal(started.AttemptId.ToString(), form["metadata[attempt_id]"].ToString());
        Assert.Equal(id.ToString(), form["metadata[document_id]"].ToString());
        Assert.Equal($"https://crm.example.com/d/{token}/payment/{started.AttemptId}", form["success_url"].ToString());
        Assert.Equal($"https://crm.example.com/d/{token}/payment", form["cancel_url"].ToString());
        Assert.Equal("es", form["locale"].ToString());
        await using var db = host.Db();
        var attempt = await db.PaymentAttempts.SingleAsync();
        Assert.Equal(("cs_test_a1", 100_00L, PaymentProviders.Stripe), (attempt.ProviderReference, attempt.AmountMinor, attempt.Provider));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_gateway_that_cannot_be_reached_is_reported_and_leaves_a_failed_attempt(DatabaseProvider provider)
    {
        var stripe = new CannedStripe("""{"error":{"type":"api_error","message":"down"}}""", HttpStatusCode.ServiceUnavailable);
        await using var host = await DomainHost.CreateAsync(provider, s =>
        {
            s.Configure<PaymentOptions>(o => o.Gateway = "Stripe");
            s.AddSingleton<IStripeClient>(new StripeClient("sk_test_123", httpClient: new SystemNetHttpClient(new HttpClient(stripe), maxNetworkRetries: 0)));
        });
        var (id, token) = await host.LinkedInvoiceAsync();

        await Expect.RefusedAsync(() => host.Payments().StartCheckoutAsync(token, "ip"), "Error.PaymentGatewayUnavailable");

        await using var db = host.Db();
        Assert.Equal(PaymentAttemptStatus.Failed, (await db.PaymentAttempts.SingleAsync()).Status);
        Assert.Equal(DocumentStatus.Issued, (await host.DocumentAsync(id)).Status);
    }

    /// <summary>Stands in for api.stripe.com: records each request and answers with one canned JSON body.</summary>
    private sealed class CannedStripe(string json, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Path, string? Authorization, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            Requests.Add((request.Method, request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(), body));
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
