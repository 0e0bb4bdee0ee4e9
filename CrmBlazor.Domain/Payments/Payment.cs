namespace CrmBlazor.Domain.Payments;

/// <summary>
/// Money received for an invoice or proforma (SND-5): from a gateway's confirmation or recorded by staff.
/// (Provider, ProviderPaymentId) is unique, so a confirmation delivered five times records one payment.
/// </summary>
public class Payment
{
    public long Id { get; private set; }
    public long DocumentId { get; private set; }
    public string Provider { get; private set; } = string.Empty;
    public string ProviderPaymentId { get; private set; } = string.Empty;
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public PaymentMethod Method { get; private set; }
    public DateTime PaidAt { get; private set; }
    public string RecordedByUserId { get; private set; } = string.Empty;

    private Payment() { }

    public Payment(long documentId, string provider, string providerPaymentId, long amountMinor, string currency,
        PaymentMethod method, DateTime paidAt, string recordedByUserId)
    {
        DocumentId = documentId;
        Provider = provider;
        ProviderPaymentId = providerPaymentId;
        AmountMinor = amountMinor;
        Currency = currency;
        Method = method;
        PaidAt = paidAt;
        RecordedByUserId = recordedByUserId;
    }
}

public enum PaymentMethod
{
    Card = 0,
    Transfer = 1,
    Cash = 2,
    Other = 9,
}

/// <summary>A checkout started from the public page: what was asked for, so a confirmation can be checked against it.</summary>
public class PaymentAttempt
{
    public long Id { get; private set; }
    public long DocumentId { get; private set; }
    public long? LinkId { get; private set; }
    public string Provider { get; private set; } = string.Empty;
    /// <summary>The gateway's checkout/session id.</summary>
    public string ProviderReference { get; private set; } = string.Empty;
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public PaymentAttemptStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? FailureReason { get; private set; }

    private PaymentAttempt() { }

    public PaymentAttempt(long documentId, long? linkId, string provider, string providerReference, long amountMinor, string currency, DateTime now)
    {
        DocumentId = documentId;
        LinkId = linkId;
        Provider = provider;
        ProviderReference = providerReference;
        AmountMinor = amountMinor;
        Currency = currency;
        Status = PaymentAttemptStatus.Pending;
        CreatedAt = now;
    }

    /// <summary>The gateway's own id for the checkout, known only once the gateway has answered.</summary>
    public void AssignReference(string providerReference)
    {
        if (Status != PaymentAttemptStatus.Pending) throw new InvalidOperationException("Only a pending attempt gets its reference.");
        ProviderReference = providerReference;
    }

    public void Succeed(DateTime now)
    {
        Status = PaymentAttemptStatus.Succeeded;
        CompletedAt ??= now;
    }

    public void Fail(string reason, DateTime now)
    {
        if (Status == PaymentAttemptStatus.Succeeded) return;
        Status = PaymentAttemptStatus.Failed;
        FailureReason = reason;
        CompletedAt = now;
    }
}

public enum PaymentAttemptStatus
{
    Pending = 0,
    Succeeded = 1,
    Failed = 2,
}

/// <summary>A gateway event already handled; (Provider, EventId) is unique so a replay is recognised and ignored.</summary>
public class PaymentEvent
{
    public long Id { get; private set; }
    public string Provider { get; private set; } = string.Empty;
    public string EventId { get; private set; } = string.Empty;
    public string Type { get; private set; } = string.Empty;
    public DateTime ReceivedAt { get; private set; }
    public string Outcome { get; private set; } = string.Empty;

    private PaymentEvent() { }

    public PaymentEvent(string provider, string eventId, string type, DateTime receivedAt, string outcome)
    {
        Provider = provider;
        EventId = eventId;
        Type = type;
        ReceivedAt = receivedAt;
        Outcome = outcome;
    }
}
