using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Mail;

/// <summary>"Mail sent" and "mail failed" lines (SND-6), linking to the email as sent.</summary>
public sealed class MailHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } = [HistoryKind.MailSent, HistoryKind.MailFailed];

    public string Icon(HistoryKind kind) =>
        kind == HistoryKind.MailFailed ? Icons.Material.Filled.ErrorOutline : Icons.Material.Filled.MarkEmailRead;

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (HistoryData.Parse<MailHistoryData>(item.Data) is { } mail)
            yield return item.Kind == HistoryKind.MailFailed
                ? t["Mail.History.Failed", mail.To, mail.Subject, mail.Error ?? string.Empty]
                : t["Mail.History.Sent", mail.To, mail.Subject];
        else if (item.Text.Length > 0) yield return item.Text;
    }

    public string? Link(HistoryItem item) => HistoryData.Parse<MailHistoryData>(item.Data) is { } mail ? MailListUrl.Message(mail.MessageId) : null;

    public string LinkText(Text t) => t["Mail.History.Open"];
}
