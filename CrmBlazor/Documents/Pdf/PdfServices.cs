using Microsoft.Extensions.Options;

namespace CrmBlazor.Documents.Pdf;

public static class PdfServices
{
    /// <summary>
    /// The sheet, the renderer, the warm Chromium printer (configured under "Pdf", checked at start), its "ready"
    /// health check and the stored-PDF service.
    /// </summary>
    public static IServiceCollection AddDocumentPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>().Bind(configuration.GetSection("Pdf")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PdfOptions>, PdfOptionsValidator>();
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<IPdfPrinter>(sp => sp.GetRequiredService<ChromiumPdfPrinter>());
        services.AddHostedService<PdfPrinterWarmUp>();
        services.AddHealthChecks().AddCheck<PdfPrinterHealthCheck>("pdf", tags: ["ready"]);
        services.AddScoped<DocumentSheetLoader>();
        services.AddScoped<DocumentHtmlRenderer>();
        services.AddScoped<DocumentPdfService>();
        return services;
    }
}
