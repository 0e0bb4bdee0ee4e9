using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CrmBlazor.Tests.Support.PaymentData;

namespace CrmBlazor.Tests.Services.Payments;

/// <summary>SND-5: a gateway's confirmation marks the document paid once, however often and however concurrently it is delivered.</summary>
public class PaymentConfirmationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_five_deliveries_of_the_same_confirmation_record_one_payment(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var attempt = await host.CheckoutAsync(token);
        using var feed = new FeedRecorder(host.Feed);

        var outcomes = new List<ConfirmOutcome>();
        for (var i = 0; i < 5; i++) outcomes.Add(await host.Payments().ConfirmAsync(Confirmation(attempt)));

        Assert.Equal([ConfirmOutcome.Recorded, .. Enumerable.Repeat(ConfirmOutcome.DuplicateEvent, 4)], outcomes);
        var payment = Assert.Single(await host.PaymentsOfAsync(id));
        Assert.Equal((108_90L, "EUR", PaymentProviders.Sandbox, "pay_1"), (payment.AmountMinor, payment.Currency, payment.Provider, payment.ProviderPaymentId));
        var document = await host.DocumentAsync(id);
        Assert.Equal((DocumentStatus.Paid, 108_90L, 0L), (document.Status, document.PaidMinor, document.BalanceMinor));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, document.PaidAt);
        await using var db = host.Db();
        Assert.Equal(PaymentAttemptStatus.Succeeded, (await db.PaymentAttempts.SingleAsync()).Status);
        Assert.Equal("recorded", (await db.PaymentEvents.SingleAsync()).Outcome);
        var paid = Assert.Single(await db.History.Where(h => h.Kind == HistoryKind.DocumentPaid).ToListAsync());
        Assert.Equal("Sandbox", paid.ActorName);
        // Published once, after the commit: the open document page and the client's history reload.
        Assert.Single(feed.Changes, c => c.Topic == Topics.Document && c.Id == id);
        Assert.Single(feed.Changes, c => c.Topic == Topics.History && c.ClientId == document.ClientId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_same_payment_id_under_another_event_id_records_nothing_more(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var attempt = await host.CheckoutAsync(token);

        var first = await host.Payments().ConfirmAsync(Confirmation(attempt, eventId: "evt_a", paymentId: "pi_1"));
        var second = await host.Payments().ConfirmAsync(Confirmation(attempt, eventId: "evt_b", paymentId: "pi_1"));

        Assert.Equal((ConfirmOutcome.Recorded, ConfirmOutcome.DuplicatePayment), (first, second));
        Assert.Single(await host.PaymentsOfAsync(id));
        Assert.Equal(108_90L, (await host.DocumentAsync(id)).PaidMinor);
        await using var db = host.Db();
        Assert.Equal(["payment already recorded", "recorded"], await db.PaymentEvents.OrderBy(e => e.Outcome).Select(e => e.Outcome).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_ten_concurrent_confirmations_record_one_payment(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var attempt = await host.CheckoutAsync(token);

        // Half repeat one event, half are other events about the same payment: all race for the same two unique indexes.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            await Task.Yield();
            return await host.Payments().ConfirmAsync(Confirmation(attempt, eventId: i % 2 == 0 ? "evt_same" : $"evt_{i}", paymentId: "pi_race"));
        }));

        Assert.Equal(1, outcomes.Count(o => o == ConfirmOutcome.Recorded));
        Assert.All(outcomes, o => Assert.Contains(o, new[] { ConfirmOutcome.Recorded, ConfirmOutcome.DuplicateEvent, ConfirmOutcome.DuplicatePayment }));
        Assert.Single(await host.PaymentsOfAsync(id));
        var document = await host.DocumentAsync(id);
        Assert.Equal((DocumentStatus.Paid, 108_90L), (document.Status, document.PaidMinor));
        await using var db = host.Db();
        Assert.Equal(1, await db.History.CountAsync(h => h.Kind == HistoryKind.DocumentPaid));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_mismatched_amount_or_currency_is_flagged_and_records_no_payment(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var attempt = await host.CheckoutAsync(token);
        var other = await host.CheckoutAsync(token);

        var lower = await host.Payments().ConfirmAsync(Confirmation(attempt, eventId: "evt_low", paymentId: "pi_low", amountMinor: 1_00));
        var currency = await host.Payments().ConfirmAsync(Confirmation(other, eventId: "evt_pln", paymentId: "pi_pln", currency: "pln"));

        Assert.Equal((ConfirmOutcome.Flagged, ConfirmOutcome.Flagged), (lower, currency));
        Assert.Empty(await host.PaymentsOfAsync(id));
        var document = await host.DocumentAsync(id);
        Assert.Equal((DocumentStatus.Issued, 0L), (document.Status, document.PaidMinor));
        await using var db = host.Db();
        var flags = await db.History.Where(h => h.Kind == HistoryKind.PaymentFlagged).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(2, flags.Count);
        Assert.Contains("\"Reason\":\"amount\"", flags[0].Data);
        Assert.Contains("\"ExpectedMinor\":10890", flags[0].Data);
        Assert.Contains("\"Reason\":\"currency\"", flags[1].Data);
        Assert.Equal(["flagged: amount", "flagged: currency"], await db.PaymentEvents.OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync());
        Assert.All(await db.PaymentAttempts.ToListAsync(), a => Assert.Equal(PaymentAttemptStatus.Failed, a.Status));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_money_for_an_invoice_paid_meanwhile_is_flagged_not_recorded_twice(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        // Two tabs: two checkouts of the whole balance, both paid at the gateway.
        var first = await host.CheckoutAsync(token);
        var second = await host.CheckoutAsync(token);

        await host.Payments().ConfirmAsync(Confirmation(first, eventId: "evt_1", paymentId: "pi_1"));
        var late = await host.Payments().ConfirmAsync(Confirmation(second, eventId: "evt_2", paymentId: "pi_2"));

        Assert.Equal(ConfirmOutcome.Flagged, late);
        Assert.Single(await host.PaymentsOfAsync(id));
        Assert.Equal(108_90L, (await host.DocumentAsync(id)).PaidMinor);
        await using var db = host.Db();
        Assert.Contains("\"Reason\":\"already-paid\"", (await db.History.SingleAsync(h => h.Kind == HistoryKind.PaymentFlagged)).Data);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_confirmation_for_a_checkout_that_is_not_ours_records_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, _) = await host.LinkedInvoiceAsync();

        var outcome = await host.Payments().ConfirmAsync(new PaymentConfirmation(PaymentProviders.Stripe, "evt_x", "checkout.session.completed",
            "pi_x", "cs_unknown", 108_90, "eur"));

        Assert.Equal(ConfirmOutcome.UnknownCheckout, outcome);
        Assert.Empty(await host.PaymentsOfAsync(id));
        await using var db = host.Db();
        Assert.Equal("unknown checkout", (await db.PaymentEvents.SingleAsync()).Outcome);
    }
}
