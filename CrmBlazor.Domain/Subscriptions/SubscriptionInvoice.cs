namespace CrmBlazor.Domain.Subscriptions;

/// <summary>
/// One invoiced period of a subscription. (SubscriptionId, PeriodStart) is unique and this row is the
/// first write of the billing transaction: a second instance billing the same period loses the race
/// and rolls back before it makes an invoice, so a period is invoiced exactly once.
/// </summary>
public class SubscriptionInvoice
{
    public long Id { get; private set; }
    public long SubscriptionId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public long? DocumentId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public bool AutoSend { get; private set; }
    /// <summary>When the emails were queued; set in their transaction, so a run after a crash queues what is missing, once.</summary>
    public DateTime? MailQueuedAt { get; private set; }

    private SubscriptionInvoice() { }

    public SubscriptionInvoice(long subscriptionId, DateOnly periodStart, bool autoSend, DateTime now)
    {
        SubscriptionId = subscriptionId;
        PeriodStart = periodStart;
        AutoSend = autoSend;
        CreatedAt = now;
    }

    internal void Invoiced(long documentId) => DocumentId = documentId;
}
