namespace CrmBlazor.Domain.Users;

/// <summary>Audit trail (NF-4) for changes that belong to no client: users, roles, settings.</summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string ActorName { get; private set; } = string.Empty;
    public string Action { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string? Data { get; private set; }

    private AuditEntry() { }

    public AuditEntry(DateTime at, string? userId, string actorName, string action, string subject, string? data = null)
    {
        At = at;
        UserId = userId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Data = data;
    }
}
