using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmBlazor.Mail;

/// <summary>How outbox messages read on screen: times in the user's culture, links in a text body, a safe frame for HTML.</summary>
public static partial class MailView
{
    public static string Time(DateTime? utc) =>
        utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToLocalTime().ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>A piece of a text body: plain text, or an http(s) link to make clickable.</summary>
    public sealed record Segment(string Text, bool IsLink);

    public static IEnumerable<Segment> Segments(string text)
    {
        var at = 0;
        foreach (Match m in Link().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'');
            if (m.Index > at) yield return new Segment(text[at..m.Index], false);
            yield return new Segment(url, true);
            at = m.Index + url.Length;
        }
        if (at < text.Length) yield return new Segment(text[at..], false);
    }

    /// <summary>
    /// The HTML body as the document of a sandboxed frame: no scripts (the frame's sandbox), nothing loaded from
    /// elsewhere (a content policy: no tracking pixels), links open in a new tab.
    /// </summary>
    public static string FrameDocument(string html) =>
        "<!doctype html><html><head><meta charset=\"utf-8\">" +
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">" +
        "<base target=\"_blank\"><style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;margin:12px}</style></head><body>" +
        html + "</body></html>";

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
