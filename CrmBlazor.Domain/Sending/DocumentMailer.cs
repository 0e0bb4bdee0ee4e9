using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Mail;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Sending;

/// <summary>
/// Adds one recipient's email about a document to the unit of work in progress: a public link of its
/// own (the token goes into the email and nowhere else) and an outbox message with the PDF attached.
/// </summary>
public sealed class DocumentMailer(IOptions<SendingOptions> sending, MailOptions mail)
{
    public void Queue(CrmDbContext db, Document document, MailKind kind, string email, string name, string subject, string body,
        IReadOnlyList<LinkKind> links, PdfAttachment pdf, string createdBy, DateTime now)
    {
        var (link, token) = PublicLink.Create(document.Id, email, createdBy, now);
        db.PublicLinks.Add(link);
        var urls = links.Select(k => (k, EmailComposer.Url(sending.Value, token, k))).ToList();
        var (text, html) = EmailComposer.Compose(body, document.Language, urls);
        var draft = new MailDraft(kind, email, name, subject, text, html)
        {
            ClientId = document.ClientId,
            DocumentId = document.Id,
            Attachments = [new MailAttachment(pdf.FileName, PdfAttachment.ContentType, pdf.Content)],
        };
        db.Enqueue(draft, now, mail);
    }
}
