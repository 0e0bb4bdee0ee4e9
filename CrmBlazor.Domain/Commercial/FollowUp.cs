namespace CrmBlazor.Domain.Commercial;

/// <summary>
/// A dated commercial action about a client, assigned to a salesperson (COM-1). Open until marked done
/// with an outcome; creating, reassigning and completing go into the client's History (COM-3).
/// </summary>
public class FollowUp
{
    public const int NotesMax = 2000;
    public const int OutcomeMax = 2000;

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public FollowUpKind Kind { get; private set; }

    /// <summary>When it is due, in UTC.</summary>
    public DateTime DueAt { get; private set; }

    public string AssignedUserId { get; private set; } = string.Empty;
    public string Notes { get; private set; } = string.Empty;
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? CompletedByUserId { get; private set; }
    public string Outcome { get; private set; } = string.Empty;
    public long Version { get; private set; } = 1;

    private FollowUp() { }

    public FollowUp(long clientId, FollowUpKind kind, DateTime dueAt, string assignedUserId, string notes, string createdByUserId, DateTime now)
    {
        ClientId = clientId;
        Kind = kind;
        DueAt = dueAt;
        AssignedUserId = assignedUserId;
        Notes = notes;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
    }

    public bool IsDone => CompletedAt is not null;
}
