using CrmBlazor.Domain.History;

namespace CrmBlazor.Domain.Matters;

/// <summary>
/// One line of a matter's own timeline: party changes, splits, transfers, proformas. What concerns a client is
/// also written to that client's History (<see cref="HistoryEvent"/>). <see cref="Data"/> is JSON, phrased per language.
/// </summary>
public class MatterEvent
{
    public long Id { get; private set; }
    public long MatterId { get; private set; }
    public HistoryKind Kind { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public string? Data { get; private set; }

    private MatterEvent() { }

    public MatterEvent(long matterId, HistoryKind kind, DateTime at, string? userId, string actorName, string text, string? data = null)
    {
        MatterId = matterId;
        Kind = kind;
        At = at;
        UserId = userId;
        ActorName = actorName;
        Text = text;
        Data = data;
    }
}
