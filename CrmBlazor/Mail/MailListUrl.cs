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

    /// <summary>The list from its query values <c>client</c> and <c>status</c>; a value that does not parse (a hand-edited link) is ignored rather than failing the page.</summary>
    public static MailListUrl FromQuery(string? client, string? status) => new(
        long.TryParse(client, NumberStyles.None, CultureInfo.InvariantCulture, out var clientId) && clientId > 0 ? clientId : null,
        Enum.TryParse<MailStatus>(status, true, out var mailStatus) && Enum.IsDefined(mailStatus) ? mailStatus : null);

    public static string Message(long id) => $"/mail/{id}";
}
