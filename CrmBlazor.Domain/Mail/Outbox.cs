using CrmBlazor.Domain.Data;

namespace CrmBlazor.Domain.Mail;

/// <summary>
/// How a service sends an email (SND-7): it writes the message into its own unit of work, so the email
/// exists if and only if the change that causes it is committed, then wakes the sender.
/// <code>
/// await using var tx = await db.Database.BeginTransactionAsync(ct);
/// ... the change ...
/// var message = db.Enqueue(draft, now, mailOptions);   // MailDraft: kind, to, subject, text, HTML, client, document, attachments
/// await db.SaveChangesAsync(ct);
/// await tx.CommitAsync(ct);
/// // the commit wakes the sender and updates open Mail pages (OutboxWakeUp): nothing else to call
/// </code>
/// The subject and names are made single-line here; the HTML body must already be encoded by its author.
/// </summary>
public static class Outbox
{
    public static OutboxMessage Enqueue(this CrmDbContext db, MailDraft draft, DateTime now, MailOptions options)
    {
        var message = OutboxMessage.Create(draft, now, options.MessageIdDomain);
        db.Outbox.Add(message);
        return message;
    }
}
