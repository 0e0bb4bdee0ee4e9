using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Payments;

/// <summary>SND-5 / SND-6: payments staff type in move the document to partly paid; an online payment then settles the rest.</summary>
public class StaffPaymentTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_a_partial_payment_makes_it_partly_paid_and_the_online_payment_of_the_rest_paid(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

        await host.Get<StaffPayments>().RecordPaymentAsync(id, 50_00, today.AddDays(-2), PaymentMethod.Transfer);
        var partly = await host.DocumentAsync(id);
        var attempt = await host.CheckoutAsync(token);
        var outcome = await host.Payments().ConfirmAsync(PaymentData.Confirmation(attempt));

        Assert.Equal((DocumentStatus.PartlyPaid, 50_00L, 58_90L), (partly.Status, partly.PaidMinor, partly.BalanceMinor));
        Assert.Null(partly.PaidAt);
        Assert.Equal((ConfirmOutcome.Recorded, 58_90L), (outcome, attempt.AmountMinor));
        var paid = await host.DocumentAsync(id);
        Assert.Equal((DocumentStatus.Paid, 108_90L, 0L), (paid.Status, paid.PaidMinor, paid.BalanceMinor));

        var view = await host.Get<StaffPayments>().GetAsync(id);
        Assert.Equal([(50_00L, PaymentMethod.Transfer, PaymentProviders.Manual), (58_90L, PaymentMethod.Card, PaymentProviders.Sandbox)],
            view!.Payments.Select(p => (p.AmountMinor, p.Method, p.Provider)).ToList());
        Assert.Equal(today.AddDays(-2).ToDateTime(TimeOnly.MinValue), view.Payments[0].PaidAt);
        Assert.False(view.CanRecord);

        await using var db = host.Db();
        var history = await db.History.Where(h => h.Kind == HistoryKind.DocumentPartlyPaid || h.Kind == HistoryKind.DocumentPaid)
            .OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([HistoryKind.DocumentPartlyPaid, HistoryKind.DocumentPaid], history.Select(h => h.Kind).ToList());
        Assert.Equal((TestActor.Admin.UserId, "Sandbox"), (history[0].UserId, history[1].ActorName));
        Assert.Contains("\"BalanceMinor\":5890", history[0].Data);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_staff_payment_above_the_balance_in_the_future_or_on_a_cancelled_invoice_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, _) = await host.LinkedInvoiceAsync();
        var (cancelled, _) = await host.LinkedInvoiceAsync();
        await host.Documents().CancelAsync(cancelled, (await host.DetailsAsync(cancelled)).Version);
        var staff = host.Get<StaffPayments>();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);

        await Expect.FieldErrorAsync(() => staff.RecordPaymentAsync(id, 108_91, today, PaymentMethod.Cash), "Amount", "Error.PaymentAmountRange");
        await Expect.FieldErrorAsync(() => staff.RecordPaymentAsync(id, 0, today, PaymentMethod.Cash), "Amount", "Error.PaymentAmountRange");
        await Expect.FieldErrorAsync(() => staff.RecordPaymentAsync(id, 10_00, today.AddDays(1), PaymentMethod.Cash), "Date", "Error.PaymentDateFuture");
        await Expect.RefusedAsync(() => staff.RecordPaymentAsync(cancelled, 10_00, today, PaymentMethod.Cash), "Error.PaymentDocumentCancelled");
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => staff.RecordPaymentAsync(id, 10_00, today, PaymentMethod.Cash));

        Assert.Empty(await host.PaymentsOfAsync(id));
        Assert.Equal((DocumentStatus.Issued, 0L), ((await host.DocumentAsync(id)).Status, (await host.DocumentAsync(id)).PaidMinor));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_staff_may_record_a_transfer_for_an_invoice_on_hold(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, _) = await host.LinkedInvoiceAsync();
        await host.ChangeDocumentAsync(id, d => d.Hold(host.Clock.GetUtcNow().UtcDateTime));

        await host.Get<StaffPayments>().RecordPaymentAsync(id, 108_90, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), PaymentMethod.Transfer);

        Assert.Equal(DocumentStatus.Paid, (await host.DocumentAsync(id)).Status);
    }
}
