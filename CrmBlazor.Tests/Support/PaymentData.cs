using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Sending;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Support;

/// <summary>Invoices with public links, checkouts and confirmations for the payment tests.</summary>
public static class PaymentData
{
    /// <summary>An issued invoice of 108.90 € (2 h × 45 € + 21 % VAT) for a new company, and a public link to it.</summary>
    public static async Task<(long DocumentId, string Token)> LinkedInvoiceAsync(this DomainHost host, DocumentType type = DocumentType.Invoice)
    {
        var client = await host.CreateAsync(ClientBuilder.Company());
        var id = await host.IssuedAsync(type, client);
        return (id, await host.LinkAsync(id));
    }

    public static async Task<string> LinkAsync(this DomainHost host, long documentId)
    {
        var (link, token) = PublicLink.Create(documentId, "cliente@example.com", "admin-1", host.Clock.GetUtcNow().UtcDateTime);
        await using var db = host.Db();
        db.PublicLinks.Add(link);
        await db.SaveChangesAsync();
        return token;
    }

    public static PaymentService Payments(this DomainHost host) => host.Get<PaymentService>();

    /// <summary>Starts a checkout from the link as the client would, and returns the attempt the gateway got.</summary>
    public static async Task<PaymentAttempt> CheckoutAsync(this DomainHost host, string token)
    {
        var started = await host.Payments().StartCheckoutAsync(token, "203.0.113.7") ?? throw new InvalidOperationException("link not found");
        await using var db = host.Db();
        return await db.PaymentAttempts.SingleAsync(a => a.Id == started.AttemptId);
    }

    /// <summary>What a gateway says about a checkout: by default exactly what the checkout asked for.</summary>
    public static PaymentConfirmation Confirmation(PaymentAttempt attempt, string eventId = "evt_1", string paymentId = "pay_1",
        long? amountMinor = null, string? currency = null) =>
        new(attempt.Provider, eventId, "test.payment", paymentId, attempt.ProviderReference, amountMinor ?? attempt.AmountMinor, currency ?? attempt.Currency);

    public static async Task<Document> DocumentAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    public static async Task<List<Payment>> PaymentsOfAsync(this DomainHost host, long documentId)
    {
        await using var db = host.Db();
        return await db.Payments.AsNoTracking().Where(p => p.DocumentId == documentId).OrderBy(p => p.Id).ToListAsync();
    }

    public static async Task ChangeDocumentAsync(this DomainHost host, long id, Action<Document> change)
    {
        await using var db = host.Db();
        var document = await db.Documents.SingleAsync(d => d.Id == id);
        change(document);
        await db.SaveChangesAsync();
    }
}
