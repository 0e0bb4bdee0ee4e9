using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;

namespace CrmBlazor.Domain.Sending;

/// <summary>What the "Send by email" dialog opens with (SND-1, SND-2).</summary>
public sealed record SendingDraft(
    long DocumentId,
    long Version,
    DocumentType Type,
    string? Number,
    string Language,
    IReadOnlyList<RecipientOption> Recipients,
    string Subject,
    string Body,
    string AttachmentName,
    IReadOnlyList<LinkKind> Links)
{
    /// <summary>No contact gets this kind of document by email: staff must add someone.</summary>
    public bool NobodyPreselected => !Recipients.Any(r => r.Preselected);
}

/// <summary>What staff send: ticked contacts, typed addresses, and the edited subject and body.</summary>
public sealed class SendRequest
{
    public const int BodyMax = 10_000;

    public long DocumentId { get; set; }
    public long ExpectedVersion { get; set; }
    public List<long> ContactIds { get; set; } = [];
    public List<string> Emails { get; set; } = [];
    public string Subject { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
}

/// <summary>One email of a document as the Sendings panel shows it.</summary>
public sealed record SendingRow(
    long MessageId, MailKind Kind, string ToAddress, string ToName, DateTime QueuedAt, MailStatus Status,
    DateTime? SentAt, string? LastError, DateTime? FirstViewedAt, int Views);

/// <summary>History details of a queued email (SND-6).</summary>
public sealed record SendingData(long DocumentId, DocumentType Type, string? Number, string Email, string Name);

/// <summary>History details of a payment reminder level: sent to some addresses, or to nobody (CON-6).</summary>
public sealed record ReminderData(long DocumentId, DocumentType Type, string? Number, int Level, IReadOnlyList<string> Emails);

/// <summary>History details of putting an invoice on hold or releasing it (DEA-3).</summary>
public sealed record HoldData(long DocumentId, DocumentType Type, string? Number);
