using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;

namespace CrmBlazor.Domain.Payments;

/// <summary>
/// The one way money lands on a document, for gateway confirmations and staff entries alike: the payment
/// row, the document's new balance and status, and the history line, in the caller's unit of work.
/// </summary>
internal static class PaymentPosting
{
    public static Payment Post(CrmDbContext db, Document document, string provider, string providerPaymentId, long amountMinor,
        PaymentMethod method, DateTime paidAt, Actor actor, DateTime now)
    {
        document.ApplyPayment(amountMinor, now);
        var payment = new Payment(document.Id, provider, providerPaymentId, amountMinor, document.Currency, method, paidAt, actor.UserId ?? string.Empty);
        db.Payments.Add(payment);
        var kind = document.Status == DocumentStatus.Paid ? HistoryKind.DocumentPaid : HistoryKind.DocumentPartlyPaid;
        db.Record(document.ClientId, kind, actor, now, DocumentService.Label(document),
            new PaymentHistoryData(document.Id, document.Type, document.Number, amountMinor, document.Currency, method, provider, document.BalanceMinor));
        return payment;
    }

    /// <summary>After the commit: open document pages, lists and the client's history reload.</summary>
    public static async Task PublishAsync(ChangeFeed feed, long documentId, long clientId, string? byUserId)
    {
        await feed.PublishAsync(new Change(Topics.Document, documentId, byUserId, clientId));
        await feed.PublishAsync(new Change(Topics.History, null, byUserId, clientId));
    }
}
