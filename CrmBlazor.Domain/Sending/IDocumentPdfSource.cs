namespace CrmBlazor.Domain.Sending;

/// <summary>
/// The printed PDF of an issued document, for attaching to an email. The printer lives in the web
/// project; the domain services that call this have already checked who may send.
/// </summary>
public interface IDocumentPdfSource
{
    Task<PdfAttachment?> GetAsync(long documentId, CancellationToken ct = default);
}

public sealed record PdfAttachment(string FileName, byte[] Content)
{
    public const string ContentType = "application/pdf";
}

/// <summary>The file name of a document's PDF: its number with anything but letters, digits, '-' and '_' replaced.</summary>
public static class DocumentFileName
{
    public static string For(string? number, long documentId)
    {
        var stem = number is { Length: > 0 }
            ? new string(number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray())
            : $"draft-{documentId}";
        return stem + ".pdf";
    }
}
