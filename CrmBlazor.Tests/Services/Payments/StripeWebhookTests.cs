using System.Net;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CrmBlazor.Tests.Support.StripeWebhookApp;

namespace CrmBlazor.Tests.Services.Payments;

/// <summary>
/// SND-5 through the real webhook endpoint with payloads signed like Stripe's: only a correctly signed, fresh
/// delivery counts, and however often it comes it records one payment.
/// </summary>
public class StripeWebhookTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_signed_stripe_confirmation_delivered_five_times_records_one_payment(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using var web = await StartAsync(host.Database.Options);
        var id = await StripeCheckoutAsync(host, "cs_test_five");
        var payload = SessionCompleted("evt_five", "cs_test_five", "pi_five", 108_90);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await web.DeliverAsync(payload, DateTimeOffset.UtcNow.AddSeconds(-i))).StatusCode);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var payment = Assert.Single(await host.PaymentsOfAsync(id));
        Assert.Equal((PaymentProviders.Stripe, "pi_five", 108_90L, "EUR", PaymentMethod.Card),
            (payment.Provider, payment.ProviderPaymentId, payment.AmountMinor, payment.Currency, payment.Method));
        Assert.Equal(DocumentStatus.Paid, (await host.DocumentAsync(id)).Status);
        await using var db = host.Db();
        var seen = await db.PaymentEvents.SingleAsync();
        Assert.Equal(("evt_five", "checkout.session.completed", "recorded"), (seen.EventId, seen.Type, seen.Outcome));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_stripe_webhook_with_a_bad_signature_or_an_old_timestamp_is_rejected(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using var web = await StartAsync(host.Database.Options);
        var id = await StripeCheckoutAsync(host, "cs_test_bad");
        var payload = SessionCompleted("evt_bad", "cs_test_bad", "pi_bad", 108_90);

        var wrongSecret = await web.DeliverAsync(payload, secret: "whsec_someone_else");
        var tampered = await web.DeliverAsync(payload, tamperedPayload: payload.Replace("10890", "10891"));
        var old = await web.DeliverAsync(payload, DateTimeOffset.UtcNow.AddMinutes(-6)); // tolerance: 300 s
        var unsigned = await web.Client.PostAsync("/webhooks/stripe", new StringContent(payload));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { wrongSecret.StatusCode, tampered.StatusCode, old.StatusCode, unsigned.StatusCode });
        Assert.Empty(await host.PaymentsOfAsync(id));
        await using var db = host.Db();
        Assert.Equal(0, await db.PaymentEvents.CountAsync());
        Assert.Equal(DocumentStatus.Issued, (await host.DocumentAsync(id)).Status);

        // The same event, properly signed now, still counts: a refused delivery left no trace that would block it.
        Assert.Equal(HttpStatusCode.OK, (await web.DeliverAsync(payload)).StatusCode);
        Assert.Single(await host.PaymentsOfAsync(id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_signed_stripe_confirmation_with_a_mismatched_amount_is_flagged_not_paid(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using var web = await StartAsync(host.Database.Options);
        var id = await StripeCheckoutAsync(host, "cs_test_low");

        var response = await web.DeliverAsync(SessionCompleted("evt_low", "cs_test_low", "pi_low", 10_00));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await host.PaymentsOfAsync(id));
        Assert.Equal(DocumentStatus.Issued, (await host.DocumentAsync(id)).Status);
        await using var db = host.Db();
        Assert.Equal("flagged: amount", (await db.PaymentEvents.SingleAsync()).Outcome);
        Assert.Equal(1, await db.History.CountAsync(h => h.Kind == HistoryKind.PaymentFlagged));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_an_unpaid_session_is_ignored_and_a_transfer_that_clears_later_is_recorded(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using var web = await StartAsync(host.Database.Options);
        var id = await StripeCheckoutAsync(host, "cs_test_async");

        var pending = await web.DeliverAsync(SessionCompleted("evt_a1", "cs_test_async", "pi_async", 108_90, paymentStatus: "unpaid"));
        var paymentsWhilePending = await host.PaymentsOfAsync(id);
        var cleared = await web.DeliverAsync(SessionCompleted("evt_a2", "cs_test_async", "pi_async", 108_90,
            type: "checkout.session.async_payment_succeeded"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pending.StatusCode, cleared.StatusCode));
        Assert.Empty(paymentsWhilePending);
        Assert.Equal(PaymentMethod.Transfer, Assert.Single(await host.PaymentsOfAsync(id)).Method);
    }

    /// <summary>An issued invoice of 108.90 € with a Stripe checkout session <paramref name="sessionId"/> for its balance.</summary>
    private static async Task<long> StripeCheckoutAsync(DomainHost host, string sessionId)
    {
        var (id, _) = await host.LinkedInvoiceAsync();
        await using var db = host.Db();
        db.PaymentAttempts.Add(new PaymentAttempt(id, null, PaymentProviders.Stripe, sessionId, 108_90, "EUR", host.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync();
        return id;
    }
}
