using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Subscriptions;

namespace CrmBlazor.Domain.Clients.Lifecycle;

/// <summary>What deactivating a client would touch (DEA-2): its outstanding invoices not on hold, and its active subscriptions.</summary>
public sealed record ClientStakes(
    long ClientId, ClientStatus Status, long Version, int OutstandingInvoices,
    IReadOnlyList<MoneyTotal> OutstandingTotals, IReadOnlyList<SubscriptionStake> ActiveSubscriptions)
{
    public bool Any => OutstandingInvoices > 0 || ActiveSubscriptions.Count > 0;
}

/// <summary>A sum of money in one currency, in minor units.</summary>
public sealed record MoneyTotal(string Currency, long AmountMinor);

public sealed record SubscriptionStake(long Id, string Title, SubscriptionInterval Interval, DateOnly NextInvoiceDate);

/// <summary>History data of a deactivation (DEA-5): what was chosen and what it touched.</summary>
public sealed record DeactivationData(bool HoldInvoices, bool EndSubscriptions, IReadOnlyList<string> HeldInvoices, IReadOnlyList<string> EndedSubscriptions);

/// <summary>History data of a reactivation (DEA-6): what stays as it was.</summary>
public sealed record ReactivationData(int InvoicesOnHold, int EndedSubscriptions);

/// <summary>The detail page's banner: who deactivated the client, when, and what they chose.</summary>
public sealed record DeactivationInfo(string By, DateTime At, DeactivationData? Choices);
