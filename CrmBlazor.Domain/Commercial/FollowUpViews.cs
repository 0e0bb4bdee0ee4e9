using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Domain.Commercial;

/// <summary>A follow-up as lists show it; <see cref="DueLocal"/> is on the organisation's clock.</summary>
public sealed record FollowUpRow(long Id, long ClientId, string ClientName, ClientStatus ClientStatus, FollowUpKind Kind, DateTime DueAt,
    DateTime DueLocal, string AssignedUserId, string AssignedName, bool AssignedRemoved, string Notes, bool IsOverdue,
    DateTime? CompletedLocal, string Outcome, string? CompletedByName, long Version)
{
    public bool IsDone => CompletedLocal is not null;
}

/// <summary>A client's Commercial tab: open follow-ups by due time, then the latest done ones.</summary>
public sealed record ClientFollowUps(IReadOnlyList<FollowUpRow> Open, IReadOnlyList<FollowUpRow> Done);

/// <summary>"My follow-ups" (COM-2): open ones in three groups by the organisation's day; each group capped, with its full count.</summary>
public sealed record MyFollowUps(IReadOnlyList<FollowUpRow> Overdue, int OverdueCount, IReadOnlyList<FollowUpRow> Today, int TodayCount,
    IReadOnlyList<FollowUpRow> Upcoming, int UpcomingCount);
