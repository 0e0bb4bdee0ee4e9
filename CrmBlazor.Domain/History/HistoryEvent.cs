namespace CrmBlazor.Domain.History;

/// <summary>
/// One line of a client's timeline and of the audit trail (NF-4): what happened, who did it and when.
/// <see cref="Data"/> holds the structured details (JSON) so each UI language can phrase them.
/// </summary>
public class HistoryEvent
{
    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public HistoryKind Kind { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>Free text: the comment itself, or a short human summary.</summary>
    public string Text { get; private set; } = string.Empty;

    public string? Data { get; private set; }

    private HistoryEvent() { }

    public HistoryEvent(long clientId, HistoryKind kind, DateTime at, string? userId, string actorName, string text, string? data = null)
    {
        ClientId = clientId;
        Kind = kind;
        At = at;
        UserId = userId;
        ActorName = actorName;
        Text = text;
        Data = data;
    }
}
