namespace CrmBlazor.Domain.History;

/// <summary>A timeline line as the History tab and a matter's timeline show it; <see cref="MatterId"/> is set on a matter's own timeline.</summary>
public sealed record HistoryItem(long Id, HistoryKind Kind, DateTime At, string ActorName, string Text, string? Data, long? MatterId);

/// <summary>The details of a "linked"/"unlinked" entry.</summary>
public sealed record LinkData(long OtherId, string OtherName, string Position);
