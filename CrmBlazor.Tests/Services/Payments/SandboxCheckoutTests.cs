using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Payments;

/// <summary>SND-5: the sandbox card page confirms through the same path as Stripe's webhook; a declined card pays nothing.</summary>
public class SandboxCheckoutTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_a_declined_sandbox_card_pays_nothing_and_the_good_card_pays_once(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var attempt = await host.CheckoutAsync(token);
        var sandbox = host.Get<SandboxCheckout>();

        await Expect.RefusedAsync(() => sandbox.PayAsync(attempt.ProviderReference, "4000 0000 0000 0002", "12/30", "123"), "Error.SandboxCardDeclined");
        Assert.Empty(await host.PaymentsOfAsync(id));
        Assert.Equal(DocumentStatus.Issued, (await host.DocumentAsync(id)).Status);

        // A double submit of the card form is one event.
        Assert.True(await sandbox.PayAsync(attempt.ProviderReference, "4242 4242 4242 4242", "12/30", "123"));
        Assert.True(await sandbox.PayAsync(attempt.ProviderReference, "4242424242424242", "12/30", "123"));

        var payment = Assert.Single(await host.PaymentsOfAsync(id));
        Assert.Equal((108_90L, SandboxPaymentGateway.PaymentId(attempt.ProviderReference)), (payment.AmountMinor, payment.ProviderPaymentId));
        Assert.Equal(DocumentStatus.Paid, (await host.DocumentAsync(id)).Status);
        await using var db = host.Db();
        Assert.Equal(SandboxPaymentGateway.EventId(attempt.ProviderReference), (await db.PaymentEvents.SingleAsync()).EventId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_sandbox_card_form_checks_number_expiry_and_cvc(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (id, token) = await host.LinkedInvoiceAsync();
        var reference = (await host.CheckoutAsync(token)).ProviderReference;
        var sandbox = host.Get<SandboxCheckout>();

        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4111 1111 1111 1111", "12/30", "123"), "Number", "Error.SandboxCardUnknown");
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "", "12/30", "123"), "Number", "Error.Required");
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4242424242424242", "10/26", "123"), "Expiry", "Error.SandboxCardExpiry"); // clock: Nov 2026
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4242424242424242", "13/30", "123"), "Expiry", "Error.SandboxCardExpiry");
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4242424242424242", "1230", "123"), "Expiry", "Error.SandboxCardExpiry");
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4242424242424242", "11/26", "12"), "Cvc", "Error.SandboxCardCvc");
        await Expect.FieldErrorAsync(() => sandbox.PayAsync(reference, "4242424242424242", "11/26", "12a"), "Cvc", "Error.SandboxCardCvc");
        Assert.False(await sandbox.PayAsync("sbx_not-a-checkout", "4242424242424242", "11/26", "123"));

        Assert.Empty(await host.PaymentsOfAsync(id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_sandbox_page_does_not_exist_when_stripe_is_the_gateway(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider, s => s.Configure<PaymentOptions>(o => o.Gateway = "Stripe"));
        var (id, _) = await host.LinkedInvoiceAsync();
        await using (var db = host.Db())
        {
            db.PaymentAttempts.Add(new PaymentAttempt(id, null, PaymentProviders.Sandbox, "sbx_left_over", 108_90, "EUR", host.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        Assert.Null(await host.Get<PublicPayments>().GetSandboxCheckoutAsync("sbx_left_over"));
        Assert.False(await host.Get<SandboxCheckout>().PayAsync("sbx_left_over", "4242424242424242", "12/30", "123"));
        Assert.Empty(await host.PaymentsOfAsync(id));
    }
}
