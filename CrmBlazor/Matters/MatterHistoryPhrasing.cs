using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Matters;

/// <summary>Matter lines (kinds 60–64) in the reader's language, for a client's History and the matter's own timeline.</summary>
public sealed class MatterHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.MatterCreated, HistoryKind.MatterPartyAdded, HistoryKind.MatterPartyRemoved, HistoryKind.MatterPartyChanged, HistoryKind.MatterChanged];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.MatterCreated => Icons.Material.Filled.Gavel,
        HistoryKind.MatterPartyAdded => Icons.Material.Filled.GroupAdd,
        HistoryKind.MatterPartyRemoved => Icons.Material.Filled.GroupRemove,
        HistoryKind.MatterPartyChanged => Icons.Material.Filled.ToggleOn,
        _ => Icons.Material.Filled.Groups,
    };

    /// <summary>
    /// In a client's History: which matter, and what happened to the client on it. On the matter's own timeline the
    /// matter goes without saying.
    /// </summary>
    public IEnumerable<string> Lines(HistoryItem item, Text t) => Lines(item.Kind, item.Text, item.Data, t, withMatter: item.MatterId is null);

    public string LinkText(Text t) => t["Matters.History.Open"];

    public string? Link(HistoryItem item) => item.Kind switch
    {
        HistoryKind.MatterChanged when HistoryData.Parse<MatterChangeData>(item.Data) is { Change: PartyChanges.Deleted } => null,
        HistoryKind.MatterChanged => HistoryData.Parse<MatterChangeData>(item.Data) is { } c ? Href(c.MatterId) : null,
        HistoryKind.MatterCreated => HistoryData.Parse<MatterRef>(item.Data) is { } r ? Href(r.MatterId) : null,
        _ => HistoryData.Parse<MatterPartyData>(item.Data) is { } p ? Href(p.MatterId) : null,
    };

    public static string Href(long matterId) => $"/matters/{matterId}";

    private static IEnumerable<string> Lines(HistoryKind kind, string text, string? data, Text t, bool withMatter)
    {
        switch (kind)
        {
            case HistoryKind.MatterCreated when HistoryData.Parse<MatterRef>(data) is { } r:
                yield return $"{r.Number} {r.Title}";
                break;
            case HistoryKind.MatterPartyAdded or HistoryKind.MatterPartyRemoved or HistoryKind.MatterPartyChanged when HistoryData.Parse<MatterPartyData>(data) is { } p:
                if (withMatter) yield return $"{p.Number} {p.Title}";
                yield return t["Matters.History." + p.Change, p.ClientName, t["PartyRole." + p.Role]];
                break;
            case HistoryKind.MatterChanged when HistoryData.Parse<MatterChangeData>(data) is { } c:
                if (withMatter || c.Change == PartyChanges.Deleted) yield return $"{c.Number} {c.Title}";
                yield return t.Plural("Matters.History." + c.Change, c.Activities ?? 0, c.UserName ?? string.Empty, c.Activities ?? 0);
                break;
            default:
                if (text.Length > 0) yield return text;
                break;
        }
    }
}
