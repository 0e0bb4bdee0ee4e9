using System.Net;
using System.Text;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Payments;

namespace CrmBlazor.Domain.Sending;

/// <summary>What a link in an email lets the reader do; actions are anchors into the public page, never GETs that change state.</summary>
public enum LinkKind
{
    View = 0,
    Accept = 1,
    Reject = 2,
    Pay = 3,
}

/// <summary>
/// Turns the (staff-edited) body into the text and HTML parts of one recipient's email. The body is
/// plain text: in HTML it is encoded, so markup typed by staff or hidden in a client's name shows as
/// typed and cannot add links. The links are added here, from <see cref="SendingOptions.PublicBaseUrl"/> only.
/// </summary>
public static class EmailComposer
{
    /// <summary>The links a document's email carries (SND-2).</summary>
    public static IReadOnlyList<LinkKind> LinksFor(Document d, PaymentOptions payments)
    {
        var links = new List<LinkKind> { LinkKind.View };
        if (d.CanBeAnswered) links.AddRange([LinkKind.Accept, LinkKind.Reject]);
        if (payments.IsConfigured && d.CanBePaid) links.Add(LinkKind.Pay);
        return links;
    }

    public static string Url(SendingOptions options, string token, LinkKind kind)
    {
        var page = options.LinkTo("d/" + token).AbsoluteUri;
        return kind == LinkKind.View ? page : page + "#" + kind.ToString().ToLowerInvariant();
    }

    public static (string Text, string Html) Compose(string body, string language, IReadOnlyList<(LinkKind Kind, string Url)> links)
    {
        body = body.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        var text = new StringBuilder(body).Append("\n\n");
        foreach (var (kind, url) in links) text.Append(Label(language, kind)).Append(": ").Append(url).Append('\n');

        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933\">");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim('\n')).Replace("\n", "<br>")).Append("</p>");
        html.Append("<p>");
        foreach (var (kind, url) in links)
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(Label(language, kind))).Append("</a><br>");
        html.Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }

    public static string Label(string language, LinkKind kind) => EmailTemplates.Get(language, "Link." + kind);
}
