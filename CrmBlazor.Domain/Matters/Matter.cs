namespace CrmBlazor.Domain.Matters;

public enum MatterStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// A case or job worked for one or several clients (MAT-1): its parties, the users allowed to record activities on
/// it (intervenants), and the activities themselves. Whether a client is active here is the party's own flag,
/// independent of the client's status and of other matters (MAT-2).
/// </summary>
public class Matter
{
    public const int TitleMax = 200;
    public const int NumberMax = 30;

    private readonly List<MatterParty> _parties = [];
    private readonly List<MatterIntervenant> _intervenants = [];

    public long Id { get; private set; }
    /// <summary>Given at creation, unique: e.g. "2026-0001".</summary>
    public string Number { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string ResponsibleUserId { get; private set; } = string.Empty;
    /// <summary>Money of its activities and proformas (ISO 4217), taken from the organisation's default at creation.</summary>
    public string Currency { get; private set; } = "EUR";
    public MatterStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token: bumped by every change to the matter or its parties.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<MatterParty> Parties => _parties;
    public IReadOnlyList<MatterIntervenant> Intervenants => _intervenants;

    private Matter() { }
}
