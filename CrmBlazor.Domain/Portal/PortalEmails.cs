using System.Globalization;
using System.Net;
using System.Text;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Sending;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Portal;

/// <summary>
/// The welcome (CON-3) and set-password (CON-4) emails, in the contact's language, added to the unit of work in
/// progress through the outbox. Links are built from <see cref="SendingOptions.PublicBaseUrl"/> only.
/// </summary>
public sealed class PortalEmails(IOptions<SendingOptions> sending, MailOptions mail)
{
    public const string LoginPath = "/portal/login";
    public const string SetPasswordPath = "/portal/set-password/";
    public const string SupportPath = "/portal/support";

    public OutboxMessage QueueWelcome(CrmDbContext db, Client person, string organisation, DateTime now) =>
        Queue(db, MailKind.Welcome, "Welcome", person, organisation, sending.Value.LinkTo(LoginPath).AbsoluteUri, now);

    /// <summary>Issues a set-password link for the account and mails it; only the link's hash is stored.</summary>
    public OutboxMessage QueueSetPassword(CrmDbContext db, PortalAccount account, Client person, string organisation, DateTime now)
    {
        var token = PublicLinkToken.New();
        db.SetPasswordTokens.Add(account.IssueSetPasswordToken(PublicLinkToken.Hash(token), now));
        return Queue(db, MailKind.SetPassword, "SetPassword", person, organisation, SetPasswordUrl(token), now);
    }

    /// <summary>Tells a contact that the office answered the support thread, with the answer and a link to it (POR-2, CON-6 tickets).</summary>
    public OutboxMessage QueueSupportAnswer(CrmDbContext db, Client person, string organisation, string answer, DateTime now) =>
        Queue(db, MailKind.SupportAnswer, "SupportAnswer", person, organisation, sending.Value.LinkTo(SupportPath).AbsoluteUri, now,
            new Dictionary<string, string> { ["answer"] = answer });

    public string SetPasswordUrl(string token) => sending.Value.LinkTo(SetPasswordPath + token).AbsoluteUri;

    /// <summary>A "PortalEmail." text of the catalogue (<c>portal-email.{lang}.json</c>).</summary>
    public static string Get(string language, string key) => TextCatalogue.Default.Get(language, "PortalEmail." + key);

    private OutboxMessage Queue(CrmDbContext db, MailKind kind, string template, Client person, string organisation, string url, DateTime now,
        Dictionary<string, string>? more = null)
    {
        var language = person.Language;
        var values = new Dictionary<string, string>(more ?? [])
        {
            ["name"] = person.Name,
            ["organisation"] = organisation,
            ["email"] = person.Email,
            ["hours"] = ((int)SetPasswordToken.Lifetime.TotalHours).ToString(CultureInfo.InvariantCulture),
        };
        var subject = EmailTemplates.Fill(Get(language, template + ".Subject"), values);
        var body = EmailTemplates.Fill(Get(language, template + ".Body"), values);
        var label = Get(language, template + ".Link");
        var text = $"{body}\n\n{label}: {url}\n";
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933\">");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim('\n')).Replace("\n", "<br>")).Append("</p>");
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(label)).Append("</a></p></body></html>");
        var draft = new MailDraft(kind, person.Email, person.Name, subject, text, html.ToString()) { ClientId = person.Id };
        return db.Enqueue(draft, now, mail);
    }
}
