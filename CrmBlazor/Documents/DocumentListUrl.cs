using System.Globalization;
using CrmBlazor.Domain.Documents;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmBlazor.Documents;

/// <summary>The document list's filters in its URL (DOC-6): client, type, status, from, to. A copied link opens the same list.</summary>
public sealed record DocumentListUrl(long? ClientId = null, DocumentType? Type = null, DocumentStatus? Status = null, DateOnly? From = null, DateOnly? To = null)
{
    public const string Path = "/documents";

    public DocumentListRequest ToRequest(DocumentCursor? after, int pageSize) => new(ClientId, Type, Status, From, To, after, pageSize);

    /// <summary>Whether a document belongs in the list these filters give.</summary>
    public bool Admits(DocumentRow row) =>
        (ClientId is null || row.ClientId == ClientId) && (Type is null || row.Type == Type) && (Status is null || row.Status == Status)
        && (From is null || row.IssueDate >= From) && (To is null || row.IssueDate <= To);

    public string ToUrl()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (ClientId is { } c) parts.Add(new("client", c.ToString(CultureInfo.InvariantCulture)));
        if (Type is { } t) parts.Add(new("type", t.ToString()));
        if (Status is { } s) parts.Add(new("status", s.ToString()));
        if (From is { } f) parts.Add(new("from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (To is { } to) parts.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(Path, parts);
    }

    /// <summary>
    /// The list from its query values <c>client</c>, <c>type</c>, <c>status</c>, <c>from</c> and <c>to</c>; a value that does
    /// not parse (a hand-edited link) is ignored rather than failing the page.
    /// </summary>
    public static DocumentListUrl FromQuery(string? client, string? type, string? status, string? from, string? to) => new(
        long.TryParse(client, NumberStyles.None, CultureInfo.InvariantCulture, out var clientId) && clientId > 0 ? clientId : null,
        Enum.TryParse<DocumentType>(type, true, out var documentType) && Enum.IsDefined(documentType) ? documentType : null,
        Enum.TryParse<DocumentStatus>(status, true, out var documentStatus) && Enum.IsDefined(documentStatus) ? documentStatus : null,
        ParseDate(from),
        ParseDate(to));

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
