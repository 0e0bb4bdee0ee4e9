using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace CrmBlazor.Tests.Support.Pdf;

/// <summary>The text of each page of a PDF as PdfPig reads it back, with spaces made plain (no-break spaces become spaces).</summary>
public static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Plain(string.Join(" ", p.GetWords().Select(w => w.Text)))).ToList();
    }

    public static string All(byte[] pdf) => string.Join("\n", Pages(pdf));

    public static string Plain(string text) => Spaces().Replace(text.Replace('\u00a0', ' ').Replace('\u202f', ' '), " ");

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
