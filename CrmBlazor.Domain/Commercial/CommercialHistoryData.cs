namespace CrmBlazor.Domain.Commercial;

/// <summary>
/// A follow-up as a history line keeps it (COM-3). <see cref="DueLocal"/> is the due time on the organisation's clock
/// when the line was written, so the History shows what the staff typed.
/// </summary>
public sealed record FollowUpHistoryData(long FollowUpId, FollowUpKind Kind, DateTime DueLocal, string AssignedTo, string Notes,
    string? FromUser = null, string? Outcome = null);

/// <summary>A deal as its history lines keep it: created or edited, a stage move, its quote.</summary>
public sealed record DealHistoryData(long DealId, string Title, long AmountMinor, string Currency, DealStage Stage, string Owner,
    DealStage? FromStage = null, long? QuoteDocumentId = null);
