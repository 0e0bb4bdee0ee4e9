namespace CrmBlazor.Domain.Documents;

/// <summary>"Target was made from Source" (DOC-4): a document shows where it came from and what came of it.</summary>
public class DocumentRelation
{
    public long Id { get; private set; }
    public long SourceId { get; private set; }
    public long TargetId { get; private set; }

    private DocumentRelation() { }

    public DocumentRelation(long sourceId, long targetId)
    {
        SourceId = sourceId;
        TargetId = targetId;
    }
}

/// <summary>The next number per type and year (DOC-2). Incremented in the issuing transaction, so a rollback gives the number back.</summary>
public class DocumentCounter
{
    public DocumentType Type { get; private set; }
    public int Year { get; private set; }
    public int Last { get; private set; }

    private DocumentCounter() { }
}
