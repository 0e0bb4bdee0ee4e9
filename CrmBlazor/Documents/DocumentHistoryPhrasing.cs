using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Documents;

/// <summary>Document lines: created, issued, cancelled, converted, moved to another client (DOC-7).</summary>
public sealed class DocumentHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
    [
        HistoryKind.DocumentCreated, HistoryKind.DocumentIssued, HistoryKind.DocumentCancelled, HistoryKind.DocumentConverted,
        HistoryKind.DocumentClientChanged,
    ];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.DocumentCancelled => Icons.Material.Filled.Block,
        HistoryKind.DocumentClientChanged => Icons.Material.Filled.SwapHoriz,
        _ => Icons.Material.Filled.Description,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        switch (item.Kind)
        {
            case HistoryKind.DocumentClientChanged when HistoryData.Parse<ClientChangeData>(item.Data) is { } moved:
                yield return t["Documents.History.Moved", DocumentText.Label(moved.Type, moved.Number, t), moved.FromClient, moved.ToClient];
                break;
            case HistoryKind.DocumentConverted when HistoryData.Parse<DocumentRef>(item.Data) is { } made:
                yield return t["Documents.History.Converted", DocumentText.Label(made.Type, made.Number, t)];
                break;
            case HistoryKind.DocumentCreated or HistoryKind.DocumentIssued or HistoryKind.DocumentCancelled when HistoryData.Parse<DocumentRef>(item.Data) is { } doc:
                yield return DocumentText.Label(doc.Type, doc.Number, t);
                break;
            default:
                if (item.Text.Length > 0) yield return item.Text;
                break;
        }
    }

    public string? Link(HistoryItem item) => item.Kind == HistoryKind.DocumentClientChanged
        ? HistoryData.Parse<ClientChangeData>(item.Data) is { } moved ? DocumentText.Href(moved.DocumentId) : null
        : HistoryData.Parse<DocumentRef>(item.Data) is { } doc ? DocumentText.Href(doc.DocumentId) : null;
}
