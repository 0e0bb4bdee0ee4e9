using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;

namespace CrmBlazor.Documents.Pdf;

/// <summary>Everything a document sheet shows: the document, the organisation, the client's address.</summary>
public sealed record DocumentSheetData(DocumentDetails Document, OrganisationSettings Settings, ClientForm? Client);

/// <summary>Loads a <see cref="DocumentSheetData"/> through the domain services (which check the user is staff).</summary>
public sealed class DocumentSheetLoader(DocumentService documents, SettingsService settings, ClientService clients)
{
    public async Task<DocumentSheetData?> LoadAsync(long documentId, CancellationToken ct = default)
    {
        var document = await documents.GetAsync(documentId, ct);
        if (document is null) return null;
        var organisation = await settings.GetAsync(ct);
        var client = await clients.GetAsync(document.ClientId, ct);
        return new DocumentSheetData(document, organisation, client?.Form);
    }
}
