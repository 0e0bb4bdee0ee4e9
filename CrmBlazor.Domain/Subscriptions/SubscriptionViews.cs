namespace CrmBlazor.Domain.Subscriptions;

/// <summary>A subscription as the client's Subscriptions tab lists it.</summary>
public sealed record SubscriptionRow(
    long Id, string Title, SubscriptionInterval Interval, DateOnly StartDate, DateOnly NextInvoiceDate, bool AutoSend,
    SubscriptionStatus Status, DateTime? EndedAt, string EndedBy, long NetPerPeriodMinor, string Currency, int Invoices, long Version);

/// <summary>History data of a created or ended subscription.</summary>
public sealed record SubscriptionData(long SubscriptionId, string Title, SubscriptionInterval Interval);

/// <summary>History data of an invoiced period.</summary>
public sealed record SubscriptionInvoicedData(long SubscriptionId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, long DocumentId, string? Number);
