namespace CrmBlazor.Documents.Pdf;

public static class PdfServices
{
    /// <summary>The sheet, the renderer, the warm Chromium printer (configured under "Pdf") and the stored-PDF service.</summary>
    public static IServiceCollection AddDocumentPdf(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PdfOptions>(configuration.GetSection("Pdf"));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddSingleton<IPdfPrinter>(sp => sp.GetRequiredService<ChromiumPdfPrinter>());
        services.AddHostedService<PdfPrinterWarmUp>();
        services.AddScoped<DocumentSheetLoader>();
        services.AddScoped<DocumentHtmlRenderer>();
        services.AddScoped<DocumentPdfService>();
        return services;
    }
}
