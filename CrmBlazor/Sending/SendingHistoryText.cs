using CrmBlazor.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Sending;

/// <summary>History lines of sending, reminders and holds, in the reader's language.</summary>
public static class SendingHistoryText
{
    public static string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.DocumentQueued => Icons.Material.Filled.Email,
        HistoryKind.ReminderQueued => Icons.Material.Filled.NotificationImportant,
        HistoryKind.ReminderNotSent => Icons.Material.Filled.NotificationsOff,
        HistoryKind.DocumentHeld => Icons.Material.Filled.PauseCircle,
        _ => Icons.Material.Filled.PlayCircle,
    };

    public static string? Line(HistoryItem item, Text t) =>
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
