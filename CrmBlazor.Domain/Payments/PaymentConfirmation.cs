namespace CrmBlazor.Domain.Payments;

/// <summary>
/// A gateway's word that money arrived (SND-5): its event id (unique per delivery kind, repeated on redelivery),
/// its payment id, the checkout it belongs to and what it says was paid.
/// </summary>
public sealed record PaymentConfirmation(
    string Provider, string EventId, string EventType, string ProviderPaymentId, string AttemptReference,
    long AmountMinor, string Currency, PaymentMethod Method = PaymentMethod.Card);

public enum ConfirmOutcome
{
    /// <summary>A payment was recorded and the document moved to partly paid or paid.</summary>
    Recorded,
    /// <summary>This event was handled before: nothing done.</summary>
    DuplicateEvent,
    /// <summary>Another event already recorded this payment: nothing recorded.</summary>
    DuplicatePayment,
    /// <summary>Amount, currency or document state did not match: no payment, a history line for staff.</summary>
    Flagged,
    /// <summary>No checkout of ours has this reference.</summary>
    UnknownCheckout,
}

/// <summary>Why a confirmation was flagged instead of recorded; phrased in the reader's language by the UI.</summary>
public static class FlagReasons
{
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string AlreadyPaid = "already-paid";
    public const string NotPayable = "not-payable";
    public const string CheckoutUsed = "checkout-used";
}

/// <summary>History data of a payment (HistoryKind.DocumentPaid / DocumentPartlyPaid).</summary>
public sealed record PaymentHistoryData(
    long DocumentId, Documents.DocumentType Type, string? Number, long AmountMinor, string Currency,
    PaymentMethod Method, string Provider, long BalanceMinor);

/// <summary>History data of a flagged confirmation (HistoryKind.PaymentFlagged).</summary>
public sealed record PaymentFlagData(
    long DocumentId, Documents.DocumentType Type, string? Number, long AmountMinor, string Currency,
    long ExpectedMinor, string ExpectedCurrency, string Provider, string ProviderPaymentId, string Reason);
