using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;

namespace CrmBlazor.Tests.Components.Documents;

/// <summary>Component tests on documents: drafts and issued documents made through the real DocumentService.</summary>
public abstract class DocumentTestBase : ComponentTestBase
{
    protected DocumentService Documents => Host.Get<DocumentService>();

    protected async Task<long> DraftAsync(long clientId, DocumentType type = DocumentType.Invoice, Action<DocumentForm>? change = null) =>
        await Documents.CreateDraftAsync(await DocumentBuilder.FormAsync(Host, type, clientId, change));

    protected async Task<long> IssuedAsync(long clientId, DocumentType type = DocumentType.Invoice, Action<DocumentForm>? change = null)
    {
        var id = await DraftAsync(clientId, type, change);
        await Documents.IssueAsync(id);
        return id;
    }
}
