using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.History;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Clients.Archive;

/// <summary>History lines of archive and restore (ARC-5): who and when are on the line itself; this adds the detail.</summary>
public sealed class ArchiveHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.ClientArchived, HistoryKind.ClientRestored];

    public string Icon(HistoryKind kind) => kind == HistoryKind.ClientArchived ? Icons.Material.Filled.Archive : Icons.Material.Filled.Unarchive;

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (HistoryData.Parse<ArchiveHistoryData>(item.Data) is not { } data) yield break;
        if (data.Undo) yield return t["Archive.History.Undo"];
        else if (data.Count > 1) yield return t["Archive.History.Bulk", data.Count];
    }
}
