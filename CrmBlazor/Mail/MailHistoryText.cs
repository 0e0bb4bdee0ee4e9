using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Localization;

namespace CrmBlazor.Mail;

/// <summary>A "mail sent" or "mail failed" line of the client's history (SND-6), in the reader's language.</summary>
public static class MailHistoryText
{
    public static string Line(HistoryKind kind, MailHistoryData mail, Text t) => kind == HistoryKind.MailFailed
        ? t["Mail.History.Failed", mail.To, mail.Subject, mail.Error ?? string.Empty]
        : t["Mail.History.Sent", mail.To, mail.Subject];
}
