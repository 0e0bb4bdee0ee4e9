using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.History;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Clients;

/// <summary>A client's own lines (HIS-1, HIS-2): created, edited field by field, contacts linked, comments.</summary>
public sealed class ClientHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
    [
        HistoryKind.Created, HistoryKind.Edited, HistoryKind.Linked, HistoryKind.Unlinked, HistoryKind.PrimaryContactChanged,
        HistoryKind.Comment, HistoryKind.NotificationsChanged,
    ];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.Created => Icons.Material.Filled.AddCircleOutline,
        HistoryKind.Edited => Icons.Material.Filled.Edit,
        HistoryKind.Linked or HistoryKind.PrimaryContactChanged => Icons.Material.Filled.Link,
        HistoryKind.Unlinked => Icons.Material.Filled.LinkOff,
        HistoryKind.Comment => Icons.Material.Filled.Comment,
        _ => Icons.Material.Filled.NotificationsActive,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        switch (item.Kind)
        {
            case HistoryKind.Edited when HistoryData.Parse<List<FieldChange>>(item.Data) is { } changes:
                foreach (var c in changes)
                    yield return t["History.FieldChanged", FieldName(c.Field, t), Show(c.Before, t), Show(c.After, t)];
                break;
            case HistoryKind.Linked or HistoryKind.Unlinked or HistoryKind.PrimaryContactChanged when HistoryData.Parse<LinkData>(item.Data) is { } link:
                yield return string.IsNullOrEmpty(link.Position) ? link.OtherName : $"{link.OtherName} ({link.Position})";
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }

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
