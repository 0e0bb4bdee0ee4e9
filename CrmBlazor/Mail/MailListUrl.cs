using System.Globalization;
using CrmBlazor.Domain.Mail;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmBlazor.Mail;

/// <summary>The Mail page's filters in its URL: <c>/mail?client=12&amp;status=Failed</c> (other pages link here).</summary>
public sealed record MailListUrl(long? ClientId = null, MailStatus? Status = null)
{
    public const string Path = "/mail";

    public MailListRequest ToRequest(MailCursor? after, int pageSize) => new(ClientId, Status, after, pageSize);

    public string ToUrl()
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (ClientId is { } c) parts.Add(new("client", c.ToString(CultureInfo.InvariantCulture)));
        if (Status is { } s) parts.Add(new("status", s.ToString()));
        return QueryHelpers.AddQueryString(Path, parts);
    }

    /// <summary>A value that does not parse (a hand-edited link) is ignored rather than failing the page.</summary>
    public static MailListUrl Parse(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return new MailListUrl(
            long.TryParse(Get("client"), NumberStyles.None, CultureInfo.InvariantCulture, out var client) && client > 0 ? client : null,
            Enum.TryParse<MailStatus>(Get("status"), true, out var status) && Enum.IsDefined(status) ? status : null);
    }

    public static string Message(long id) => $"/mail/{id}";
}
