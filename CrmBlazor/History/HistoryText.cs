using CrmBlazor.Sending.Public;
using CrmBlazor.Documents;
using CrmBlazor.Sending;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Localization;
using CrmBlazor.Mail;
using CrmBlazor.Payments;
using MudBlazor;

namespace CrmBlazor.History;

/// <summary>Phrases a history line in the reader's language from its kind and structured data.</summary>
public static class HistoryText
{
    public static string Icon(HistoryKind kind) => kind switch
    {
        _ when PublicHistoryText.Handles(kind) => PublicHistoryText.Icon(kind),
        _ when Contacts.ContactsHistoryText.Handles(kind) => Contacts.ContactsHistoryText.Icon(kind),
        _ when PaymentHistoryText.Handles(kind) => PaymentHistoryText.Icon(kind),
        _ when Clients.Archive.ArchiveHistoryText.Handles(kind) => Clients.Archive.ArchiveHistoryText.Icon(kind),
        _ when Clients.Lifecycle.LifecycleHistoryText.Handles(kind) => Clients.Lifecycle.LifecycleHistoryText.Icon(kind),
        _ when Matters.MatterHistoryText.Handles(kind) => Matters.MatterHistoryText.Icon(kind),
        _ when Matters.Activities.ActivitiesHistoryText.Handles(kind) => Matters.Activities.ActivitiesHistoryText.Icon(kind),
        _ when Commercial.CommercialHistoryText.Handles(kind) => Commercial.CommercialHistoryText.Icon(kind),
        HistoryKind.Created => Icons.Material.Filled.AddCircleOutline,
        HistoryKind.Edited => Icons.Material.Filled.Edit,
        HistoryKind.Linked or HistoryKind.PrimaryContactChanged => Icons.Material.Filled.Link,
        HistoryKind.Unlinked => Icons.Material.Filled.LinkOff,
        HistoryKind.Comment => Icons.Material.Filled.Comment,
        HistoryKind.NotificationsChanged => Icons.Material.Filled.NotificationsActive,
        HistoryKind.DocumentCreated or HistoryKind.DocumentIssued or HistoryKind.DocumentConverted => Icons.Material.Filled.Description,
        HistoryKind.DocumentCancelled => Icons.Material.Filled.Block,
        HistoryKind.DocumentClientChanged => Icons.Material.Filled.SwapHoriz,
        HistoryKind.MailSent => Icons.Material.Filled.MarkEmailRead,
        HistoryKind.MailFailed => Icons.Material.Filled.ErrorOutline,
        HistoryKind.DocumentQueued or HistoryKind.ReminderQueued or HistoryKind.ReminderNotSent or HistoryKind.DocumentHeld or HistoryKind.DocumentReleased => SendingHistoryText.Icon(kind),
        _ => Icons.Material.Filled.History,
    };

    public static IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (Contacts.ContactsHistoryText.Handles(item.Kind))
        {
            foreach (var line in Contacts.ContactsHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (PublicHistoryText.Handles(item.Kind))
        {
            foreach (var line in PublicHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (Clients.Lifecycle.LifecycleHistoryText.Handles(item.Kind))
        {
            foreach (var line in Clients.Lifecycle.LifecycleHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (Matters.MatterHistoryText.Handles(item.Kind))
        {
            foreach (var line in Matters.MatterHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (Matters.Activities.ActivitiesHistoryText.Handles(item.Kind))
        {
            foreach (var line in Matters.Activities.ActivitiesHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (Commercial.CommercialHistoryText.Handles(item.Kind))
        {
            foreach (var line in Commercial.CommercialHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (PaymentHistoryText.Handles(item.Kind))
        {
            foreach (var line in PaymentHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        if (Clients.Archive.ArchiveHistoryText.Handles(item.Kind))
        {
            foreach (var line in Clients.Archive.ArchiveHistoryText.Lines(item, t)) yield return line;
            yield break;
        }
        switch (item.Kind)
        {
            case HistoryKind.Edited when HistoryData.Parse<List<FieldChange>>(item.Data) is { } changes:
                foreach (var c in changes)
                    yield return t["History.FieldChanged", FieldName(c.Field, t), Show(c.Before, t), Show(c.After, t)];
                break;
            case HistoryKind.Linked or HistoryKind.Unlinked or HistoryKind.PrimaryContactChanged when HistoryData.Parse<LinkData>(item.Data) is { } link:
                yield return string.IsNullOrEmpty(link.Position) ? link.OtherName : $"{link.OtherName} ({link.Position})";
                break;
            case HistoryKind.DocumentClientChanged when HistoryData.Parse<ClientChangeData>(item.Data) is { } moved:
                yield return t["Documents.History.Moved", DocumentText.Label(moved.Type, moved.Number, t), moved.FromClient, moved.ToClient];
                break;
            case HistoryKind.DocumentConverted when HistoryData.Parse<DocumentRef>(item.Data) is { } made:
                yield return t["Documents.History.Converted", DocumentText.Label(made.Type, made.Number, t)];
                break;
            case HistoryKind.DocumentCreated or HistoryKind.DocumentIssued or HistoryKind.DocumentCancelled when HistoryData.Parse<DocumentRef>(item.Data) is { } doc:
                yield return DocumentText.Label(doc.Type, doc.Number, t);
                break;
            case HistoryKind.MailSent or HistoryKind.MailFailed when HistoryData.Parse<MailHistoryData>(item.Data) is { } mail:
                yield return MailHistoryText.Line(item.Kind, mail, t);
                break;
            case HistoryKind.DocumentQueued or HistoryKind.ReminderQueued or HistoryKind.ReminderNotSent or HistoryKind.DocumentHeld or HistoryKind.DocumentReleased
                when SendingHistoryText.Line(item, t) is { } line:
                yield return line;
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }

    /// <summary>The document a history line is about, for a link to it; null for other lines.</summary>
    public static string? Link(HistoryItem item) => item.Kind switch
    {
        _ when PublicHistoryText.Handles(item.Kind) => PublicHistoryText.Link(item),
        _ when PaymentHistoryText.Handles(item.Kind) => PaymentHistoryText.Link(item),
        _ when Clients.Lifecycle.LifecycleHistoryText.Handles(item.Kind) => Clients.Lifecycle.LifecycleHistoryText.Link(item),
        _ when Matters.MatterHistoryText.Handles(item.Kind) => Matters.MatterHistoryText.Link(item),
        _ when Commercial.CommercialHistoryText.Handles(item.Kind) => Commercial.CommercialHistoryText.Link(item),
        HistoryKind.DocumentClientChanged => HistoryData.Parse<ClientChangeData>(item.Data) is { } moved ? DocumentText.Href(moved.DocumentId) : null,
        HistoryKind.DocumentCreated or HistoryKind.DocumentIssued or HistoryKind.DocumentCancelled or HistoryKind.DocumentConverted =>
            HistoryData.Parse<DocumentRef>(item.Data) is { } doc ? DocumentText.Href(doc.DocumentId) : null,
        HistoryKind.MailSent or HistoryKind.MailFailed => HistoryData.Parse<MailHistoryData>(item.Data) is { } mail ? MailListUrl.Message(mail.MessageId) : null,
        HistoryKind.DocumentQueued or HistoryKind.ReminderQueued or HistoryKind.ReminderNotSent or HistoryKind.DocumentHeld or HistoryKind.DocumentReleased =>
            HistoryData.Parse<DocumentRef>(item.Data) is { } about ? DocumentText.Href(about.DocumentId) : null,
        _ => null,
    };

    public static string LinkText(HistoryItem item, Text t) =>
        item.Kind is HistoryKind.MailSent or HistoryKind.MailFailed ? t["Mail.History.Open"]
        : Matters.MatterHistoryText.Handles(item.Kind) ? t["Matters.History.Open"] : t["Documents.History.Open"];

    private static string FieldName(string field, Text t) => field switch
    {
        nameof(ClientForm.IsCustomer) => t["Role.Client"],
        nameof(ClientForm.IsSupplier) => t["Role.Supplier"],
        nameof(ClientForm.Language) => t["Field.DocumentLanguage"],
        _ => t["Field." + field],
    };

    private static string Show(string value, Text t) => value switch
    {
        "" => "—",
        "True" => t["Common.Yes"],
        "False" => t["Common.No"],
        _ => value,
    };
}
