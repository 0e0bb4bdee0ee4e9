using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Domain.Matters.Activities;

public enum ActivityFilter
{
    Unbilled = 0,
    Billed = 1,
    All = 2,
}

/// <summary>A page of a matter's activities, newest first; <see cref="After"/> is the last row's (date, id).</summary>
public sealed record ActivityListRequest(ActivityFilter Filter = ActivityFilter.Unbilled, int PageSize = 50, ActivityCursor? After = null);

public sealed record ActivityCursor(DateOnly Date, long Id);

public sealed record ActivityPage(IReadOnlyList<ActivityRow> Rows, ActivityCursor? Next);

/// <summary>One client's part of a common activity.</summary>
public sealed record ActivityShareView(long ClientId, string ClientName, long AmountMinor);

public sealed record ActivityRow(
    long Id, ActivityKind Kind, DateOnly Date, string UserId, string UserName, int? DurationMinutes, long? HourlyRateMinor, long AmountMinor,
    string Description, bool Billable, long? ClientId, string? ClientName, DateTime? BilledAt, long? DocumentId, long Version)
{
    /// <summary>Empty for an activity attributed to one client.</summary>
    public IReadOnlyList<ActivityShareView> Shares { get; init; } = [];

    public bool IsCommon => ClientId is null;
}

/// <summary>A client the dialog offers: active on the matter (inactive ones are not offered); its own status is shown (DEA-7).</summary>
public sealed record ActivityClientOption(long ClientId, string Name, ClientStatus Status);

public sealed record IntervenantOption(string UserId, string Name);

/// <summary>What the activity dialog needs about a matter.</summary>
public sealed record ActivityFormOptions(
    long MatterId, string Number, string Title, string Currency, bool Blocked,
    IReadOnlyList<ActivityClientOption> ActiveClients, IReadOnlyList<IntervenantOption> Intervenants, string? DefaultUserId);

/// <summary>A matter offered by the pickers of the "+" menu and of a client's page.</summary>
public sealed record MatterOption(long Id, string Number, string Title)
{
    public override string ToString() => $"{Number} · {Title}";
}

/// <summary>An activity the list showed, with the version it showed (a colleague's change in between is refused).</summary>
public sealed record ActivityRef(long Id, long Version);
