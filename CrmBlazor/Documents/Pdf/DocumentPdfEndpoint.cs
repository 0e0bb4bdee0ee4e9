using CrmBlazor.Domain.Common;

namespace CrmBlazor.Documents.Pdf;

public static class DocumentPdfEndpoint
{
    /// <summary>GET /documents/{id}/pdf: the document's PDF for staff (the domain services check the role).</summary>
    public static void MapDocumentPdf(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{id:long}/pdf", async (long id, DocumentPdfService pdfs, CancellationToken ct) =>
        {
            try
            {
                var file = await pdfs.GetAsync(id, ct);
                return file is null ? Results.NotFound() : Results.File(file.Bytes, "application/pdf", file.FileName);
            }
            catch (NotAllowedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization();
    }
}
