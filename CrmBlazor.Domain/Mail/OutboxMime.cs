using MimeKit;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// Turns an outbox row into the MIME message that goes out: the Message-ID fixed at creation (so a
/// retry is recognisably the same email), text and HTML as alternatives, the attachments.
/// MimeKit encodes every header value, and the subject and names were made single-line when queued,
/// so nothing a user typed can add a header.
/// </summary>
public static class OutboxMime
{
    public static MimeMessage Build(OutboxMessage outbox, MailOptions options)
    {
        var message = new MimeMessage
        {
            MessageId = outbox.MessageId,
            Date = new DateTimeOffset(DateTime.SpecifyKind(outbox.CreatedAt, DateTimeKind.Utc)),
            Subject = outbox.Subject,
        };
        message.From.Add(new MailboxAddress(MailText.SingleLine(options.FromName), options.FromAddress));
        message.To.Add(Recipient(outbox));
        var body = new BodyBuilder
        {
            TextBody = outbox.TextBody,
            HtmlBody = string.IsNullOrEmpty(outbox.HtmlBody) ? null : outbox.HtmlBody,
        };
        foreach (var attachment in outbox.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Exactly one mailbox: a malformed address, or a list smuggled into one, never gets sent.</summary>
    private static MailboxAddress Recipient(OutboxMessage outbox)
    {
        if (!MailboxAddress.TryParse(outbox.ToAddress, out var parsed) || parsed.Address != outbox.ToAddress || !parsed.Address.Contains('@'))
            throw new MailDeliveryException(MailFailure.Permanent, $"Invalid recipient address: {MailText.SingleLine(outbox.ToAddress)}");
        return new MailboxAddress(outbox.ToName, parsed.Address);
    }
}
