namespace CrmBlazor.Domain.Documents;

/// <summary>
/// The printed PDF of an issued document (DOC-5), kept so it is made once: it is valid while
/// <see cref="DocumentVersion"/> equals the document's version, and replaced when the document changes.
/// </summary>
public class DocumentPdf
{
    public long DocumentId { get; private set; }
    public long DocumentVersion { get; private set; }
    public byte[] Bytes { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    private DocumentPdf() { }

    public DocumentPdf(long documentId, long documentVersion, byte[] bytes, DateTime now)
    {
        DocumentId = documentId;
        Replace(documentVersion, bytes, now);
    }

    public void Replace(long documentVersion, byte[] bytes, DateTime now)
    {
        DocumentVersion = documentVersion;
        Bytes = bytes;
        CreatedAt = now;
    }
}
