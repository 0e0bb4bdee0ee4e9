using CrmBlazor.Documents;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Sending;

/// <summary>Lines of sending, reminders and holds (SND-1, SND-6), linking to the document.</summary>
public sealed class SendingHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
    [
        HistoryKind.DocumentQueued, HistoryKind.ReminderQueued, HistoryKind.ReminderNotSent, HistoryKind.DocumentHeld,
        HistoryKind.DocumentReleased,
    ];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.DocumentQueued => Icons.Material.Filled.Email,
        HistoryKind.ReminderQueued => Icons.Material.Filled.NotificationImportant,
        HistoryKind.ReminderNotSent => Icons.Material.Filled.NotificationsOff,
        HistoryKind.DocumentHeld => Icons.Material.Filled.PauseCircle,
        _ => Icons.Material.Filled.PlayCircle,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (Line(item, t) is { } line) yield return line;
        else if (item.Text.Length > 0) yield return item.Text;
    }

    public string? Link(HistoryItem item) => HistoryData.Parse<DocumentRef>(item.Data) is { } about ? DocumentText.Href(about.DocumentId) : null;

    private static string? Line(HistoryItem item, Text t) =>
        item.Kind switch
        {
            HistoryKind.DocumentQueued when HistoryData.Parse<SendingData>(item.Data) is { } s =>
                t["Send.History.Queued", DocumentText.Label(s.Type, s.Number, t), s.Name.Length > 0 ? $"{s.Name} <{s.Email}>" : s.Email],
            HistoryKind.ReminderQueued when HistoryData.Parse<ReminderData>(item.Data) is { } r =>
                t["Send.History.Reminder", r.Level, DocumentText.Label(r.Type, r.Number, t), string.Join(", ", r.Emails)],
            HistoryKind.ReminderNotSent when HistoryData.Parse<ReminderData>(item.Data) is { } r =>
                t["Send.History.ReminderNobody", r.Level, DocumentText.Label(r.Type, r.Number, t)],
            HistoryKind.DocumentHeld or HistoryKind.DocumentReleased when HistoryData.Parse<HoldData>(item.Data) is { } h =>
                DocumentText.Label(h.Type, h.Number, t),
            _ => null,
        };
}
