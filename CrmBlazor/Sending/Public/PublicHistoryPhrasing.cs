using System.Globalization;
using System.Text.Json;
using CrmBlazor.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Sending.Public;

/// <summary>History lines of public links (SND-6): viewed, accepted, rejected, links revoked or made.</summary>
public sealed class PublicHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.DocumentViewed, HistoryKind.DocumentAccepted, HistoryKind.DocumentRejected, HistoryKind.PublicLinksRevoked, HistoryKind.PublicLinkCreated];

    public string Icon(HistoryKind kind) => kind switch
    {
        HistoryKind.DocumentViewed => Icons.Material.Filled.Visibility,
        HistoryKind.DocumentAccepted => Icons.Material.Filled.CheckCircle,
        HistoryKind.DocumentRejected => Icons.Material.Filled.Cancel,
        HistoryKind.PublicLinksRevoked => Icons.Material.Filled.LinkOff,
        _ => Icons.Material.Filled.AddLink,
    };

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (HistoryData.Parse<PublicLinkEvent>(item.Data) is not { } e)
        {
            if (item.Text.Length > 0) yield return item.Text;
            yield break;
        }
        yield return DocumentText.Label(e.Type, e.Number, t);
        if (item.Kind == HistoryKind.PublicLinksRevoked && long.TryParse(item.Text, CultureInfo.InvariantCulture, out var revoked))
            yield return t.Plural("PublicHistory.Revoked", revoked);
        if (e.ViaPortal) yield return t["PortalModules.History.ViaPortal", e.Recipient];
        else if (e.Recipient.Length > 0 && item.Kind != HistoryKind.PublicLinksRevoked) yield return t["PublicHistory.Recipient", e.Recipient];
        if (e.From.Length > 0) yield return t["PublicHistory.From", e.From];
        if (e.Comment.Length > 0) yield return e.Comment;
    }

    public string? Link(HistoryItem item) => HistoryData.Parse<PublicLinkEvent>(item.Data) is { } e ? DocumentText.Href(e.DocumentId) : null;
}
