using System.Text;
using CrmBlazor.Domain.Clients;

namespace CrmBlazor.Clients;

public static class ClientExportEndpoint
{
    /// <summary>GET /companies/export.csv?... and /persons/export.csv?...: the filtered list as the page shows it.</summary>
    public static void MapClientExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{list:regex(^(companies|persons)$)}/export.csv", async (string list, HttpContext http, ClientCsvExporter exporter) =>
        {
            var kind = list == "companies" ? ClientKind.Company : ClientKind.Person;
            ClientListUrl url;
            try
            {
                url = ClientListUrl.Parse(kind, http.Request.QueryString.Value ?? string.Empty);
            }
            catch (Domain.Common.DomainException)
            {
                return Results.BadRequest();
            }
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{list}-{DateTime.UtcNow:yyyyMMdd}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await exporter.WriteAsync(url.ToRequest(), writer, http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization();
    }
}
