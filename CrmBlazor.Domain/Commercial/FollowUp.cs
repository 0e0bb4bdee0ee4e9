using CrmBlazor.Domain.Common;

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

    /// <summary>Changes what, when and the notes; true when anything changed.</summary>
    public bool Edit(FollowUpKind kind, DateTime dueAt, string notes)
    {
        EnsureOpen();
        if (Kind == kind && DueAt == dueAt && Notes == notes) return false;
        (Kind, DueAt, Notes) = (kind, dueAt, notes);
        Version++;
        return true;
    }

    /// <summary>Hands it to another salesperson; true when the assignee changed.</summary>
    public bool Reassign(string userId)
    {
        EnsureOpen();
        if (AssignedUserId == userId) return false;
        AssignedUserId = userId;
        Version++;
        return true;
    }

    /// <summary>Done, with what came of it (COM-1); a done follow-up stays done.</summary>
    public void Complete(string outcome, string? byUserId, DateTime now)
    {
        EnsureOpen();
        (Outcome, CompletedAt, CompletedByUserId) = (outcome, now, byUserId);
        Version++;
    }

    private void EnsureOpen()
    {
        if (IsDone) throw new DomainException("Error.FollowUpDone");
    }
}
