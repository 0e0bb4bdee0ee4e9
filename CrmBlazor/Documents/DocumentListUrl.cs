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

    /// <summary>Reads a URL; a value that does not parse (a hand-edited link) is ignored rather than failing the page.</summary>
    public static DocumentListUrl Parse(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return new DocumentListUrl(
            long.TryParse(Get("client"), NumberStyles.None, CultureInfo.InvariantCulture, out var client) && client > 0 ? client : null,
            Enum.TryParse<DocumentType>(Get("type"), true, out var type) && Enum.IsDefined(type) ? type : null,
            Enum.TryParse<DocumentStatus>(Get("status"), true, out var status) && Enum.IsDefined(status) ? status : null,
            ParseDate(Get("from")),
            ParseDate(Get("to")));
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
