namespace CrmBlazor.Domain.Mail;

/// <summary>
/// One email to one recipient, written in the same transaction as the change that causes it (SND-7).
/// The background sender claims it, delivers it and records the outcome; a failed delivery is never
/// shown as sent. <see cref="MessageId"/> is fixed at creation, so a retry after an unknown outcome
/// carries the same Message-ID and the receiving side can drop the duplicate.
/// </summary>
public class OutboxMessage
{
    public const int SubjectMax = 300;
    public const int AddressMax = 320;
    public const int LastErrorMax = 1000;

    private readonly List<OutboxAttachment> _attachments = [];

    public long Id { get; private set; }
    public string MessageId { get; private set; } = string.Empty;
    public MailKind Kind { get; private set; }
    public string ToAddress { get; private set; } = string.Empty;
    public string ToName { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string TextBody { get; private set; } = string.Empty;
    public string HtmlBody { get; private set; } = string.Empty;
    public long? ClientId { get; private set; }
    public long? DocumentId { get; private set; }

    public MailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    /// <summary>While a sender works on the message; another sender may take it over once this has passed.</summary>
    public DateTime? LockedUntil { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    private OutboxMessage() { }

    public static OutboxMessage Create(MailDraft draft, DateTime now, string messageIdDomain)
    {
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{messageIdDomain}",
            Kind = draft.Kind,
            ToAddress = draft.ToAddress.Trim(),
            ToName = MailText.SingleLine(draft.ToName),
            Subject = MailText.SingleLine(draft.Subject),
            TextBody = draft.TextBody,
            HtmlBody = draft.HtmlBody,
            ClientId = draft.ClientId,
            DocumentId = draft.DocumentId,
            Status = MailStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        message._attachments.AddRange(draft.Attachments.Select(a => new OutboxAttachment(a.FileName, a.ContentType, a.Content)));
        return message;
    }

    /// <summary>The server accepted the message. Only a sender holding the claim may say so.</summary>
    public void MarkSent(DateTime now)
    {
        RequireClaimed();
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = now;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>
    /// The attempt failed: Failed for good when the server refused the message permanently or the attempts are
    /// used up, otherwise Retrying after <paramref name="backoff"/>. The reason stays for staff to read.
    /// </summary>
    public void MarkAttemptFailed(string reason, bool permanent, DateTime now, int maxAttempts, TimeSpan backoff)
    {
        RequireClaimed();
        Attempts++;
        LastError = reason.Length > LastErrorMax ? reason[..LastErrorMax] : reason;
        LockedUntil = null;
        if (permanent || Attempts >= maxAttempts)
        {
            Status = MailStatus.Failed;
            return;
        }
        Status = MailStatus.Retrying;
        NextAttemptAt = now + backoff;
    }

    /// <summary>Gives a claimed message back untried (the server went away before its turn, or the sender is stopping).</summary>
    public void Release(DateTime nextAttemptAt)
    {
        RequireClaimed();
        Status = Attempts == 0 ? MailStatus.Queued : MailStatus.Retrying;
        LockedUntil = null;
        NextAttemptAt = nextAttemptAt;
    }

    private void RequireClaimed()
    {
        if (Status != MailStatus.Sending) throw new InvalidOperationException($"Outbox message {Id} is {Status}, not claimed for sending.");
    }
}

public class OutboxAttachment
{
    public long Id { get; private set; }
    public long OutboxMessageId { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public byte[] Content { get; private set; } = [];

    private OutboxAttachment() { }

    internal OutboxAttachment(string fileName, string contentType, byte[] content)
    {
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }
}

public enum MailStatus
{
    Queued = 0,
    Sending = 1,
    Retrying = 2,
    Sent = 3,
    Failed = 4,
}

public enum MailKind
{
    Document = 0,
    Reminder = 1,
    Welcome = 2,
    SetPassword = 3,
    /// <summary>Staff answered a customer's support thread in the portal (POR-2).</summary>
    SupportAnswer = 4,
    Other = 9,
}

/// <summary>What a service hands to the outbox; the outbox adds identity and delivery state.</summary>
public sealed record MailDraft(MailKind Kind, string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody)
{
    public long? ClientId { get; init; }
    public long? DocumentId { get; init; }
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
