namespace CrmBlazor.Domain.Reminders;

/// <summary>
/// A payment reminder level sent for an invoice. (DocumentId, Level) is unique: a level is never sent twice,
/// even with two schedulers running or after a restart in the middle of a run.
/// </summary>
public class ReminderSent
{
    public long Id { get; private set; }
    public long DocumentId { get; private set; }
    public int Level { get; private set; }
    public DateTime SentAt { get; private set; }
    public int Recipients { get; private set; }

    private ReminderSent() { }

    public ReminderSent(long documentId, int level, DateTime sentAt, int recipients)
    {
        DocumentId = documentId;
        Level = level;
        SentAt = sentAt;
        Recipients = recipients;
    }
}
