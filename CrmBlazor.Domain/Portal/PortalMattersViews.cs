using CrmBlazor.Domain.Matters;

namespace CrmBlazor.Domain.Portal;

/// <summary>A matter shared with the customer on the portal (MAT-11).</summary>
public sealed record PortalMatterRow(long Id, string Number, string Title, MatterStatus Status, string ResponsibleName);

/// <summary>
/// One activity as this customer sees it: its own activities in full, and its part of common ones (<see cref="Common"/>),
/// with the time prorated to that part. Never another client's amounts.
/// </summary>
public sealed record PortalActivityRow(long Id, ActivityKind Kind, DateOnly Date, string Description, double Minutes, long AmountMinor,
    bool Billable, bool Billed, bool Common);

/// <summary>What this customer's activities on the matter come to: time, expenses, billed and still to bill (billable ones).</summary>
public sealed record PortalMatterSummary(double Hours, long TimeMinor, long ExpensesMinor, long BilledMinor, long UnbilledMinor);

public sealed record PortalMatterDetail(long Id, string Number, string Title, MatterStatus Status, string ResponsibleName, string Currency,
    PortalMatterSummary Summary, IReadOnlyList<PortalActivityRow> Activities, bool MoreActivities);
