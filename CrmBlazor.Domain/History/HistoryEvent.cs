namespace CrmBlazor.Domain.History;

/// <summary>
/// One line of a timeline — a client's History (HIS-1) or a matter's own timeline (MAT) — and of the audit trail
/// (NF-4): what happened, who did it and when. Exactly one of <see cref="ClientId"/> and <see cref="MatterId"/> is set:
/// the timeline the line belongs to. <see cref="Data"/> holds the structured details (JSON) so each UI language can
/// phrase them.
/// </summary>
public class HistoryEvent
{
    public long Id { get; private set; }
    public long? ClientId { get; private set; }
    public long? MatterId { get; private set; }
    public HistoryKind Kind { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>Free text: the comment itself, or a short human summary.</summary>
    public string Text { get; private set; } = string.Empty;

    public string? Data { get; private set; }

    private HistoryEvent() { }

    private HistoryEvent(long? clientId, long? matterId, HistoryKind kind, DateTime at, string? userId, string actorName, string text, string? data)
    {
        ClientId = clientId;
        MatterId = matterId;
        Kind = kind;
        At = at;
        UserId = userId;
        ActorName = actorName;
        Text = text;
        Data = data;
    }

    public static HistoryEvent OnClient(long clientId, HistoryKind kind, DateTime at, string? userId, string actorName, string text, string? data = null) =>
        new(clientId, null, kind, at, userId, actorName, text, data);

    public static HistoryEvent OnMatter(long matterId, HistoryKind kind, DateTime at, string? userId, string actorName, string text, string? data = null) =>
        new(null, matterId, kind, at, userId, actorName, text, data);
}
