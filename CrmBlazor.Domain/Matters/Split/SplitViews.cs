using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Domain.Matters.Split;

/// <summary>An active client in the split dialog: its percentage and its part of the unbilled common activities.</summary>
public sealed record SplitClient(long ClientId, string Name, ClientStatus Status, decimal Percent, long AmountMinor);

/// <summary>The client split of a matter (MAT-8): active clients only (MAT-6), with the version the save is checked against.</summary>
public sealed record SplitView(long MatterId, string Number, string Currency, bool Blocked, long Version, long CommonUnbilledMinor, int CommonUnbilledCount,
    IReadOnlyList<SplitClient> Clients);

/// <summary>A percentage typed in the dialog for one client.</summary>
public sealed record SplitPercent(long ClientId, decimal Percent);
