namespace CrmBlazor.Domain.History;

/// <summary>A history line as the History tab shows it.</summary>
public sealed record HistoryItem(long Id, HistoryKind Kind, DateTime At, string ActorName, string Text, string? Data);

/// <summary>The details of a "linked"/"unlinked" entry.</summary>
public sealed record LinkData(long OtherId, string OtherName, string Position);
