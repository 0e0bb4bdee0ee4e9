using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Matters.Activities;

public enum ActivityChange
{
    Added = 0,
    Edited = 1,
    Deleted = 2,
}

/// <summary>A matter timeline line: an activity added, edited or deleted.</summary>
public sealed record ActivityHistoryData(ActivityChange Change, long ActivityId, ActivityKind Kind, DateOnly Date, string Description,
    long AmountMinor, string Currency, string? ClientName);

public sealed record SplitHistoryPart(long ClientId, string ClientName, int BasisPoints);

/// <summary>A new client split, on the matter's timeline and in each active client's history.</summary>
public sealed record SplitHistoryData(long MatterId, string MatterNumber, IReadOnlyList<SplitHistoryPart> Parts);

/// <summary>Activities moved from one matter to another (both timelines): how many, and how many became common.</summary>
public sealed record TransferHistoryData(long FromMatterId, string FromNumber, long ToMatterId, string ToNumber, int Count, int MadeCommon, long AmountMinor, string Currency);

public sealed record ProformaHistoryPart(long DocumentId, long ClientId, string ClientName, long TotalMinor);

/// <summary>The proformas a matter proforma drafted (matter timeline) or the one of a client (its history).</summary>
public sealed record ProformaHistoryData(long MatterId, string MatterNumber, string Currency, int Activities, IReadOnlyList<ProformaHistoryPart> Proformas)
{
    public DocumentType Type => DocumentType.Proforma;
}
