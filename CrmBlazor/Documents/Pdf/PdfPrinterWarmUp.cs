using Microsoft.Extensions.Options;

namespace CrmBlazor.Documents.Pdf;

/// <summary>
/// Warms the Chromium printer in the background when the app starts (the first PDF then takes tens of ms,
/// not a second or more), and closes Chromium when the app stops.
/// </summary>
public sealed class PdfPrinterWarmUp(ChromiumPdfPrinter printer, IOptions<PdfOptions> options, ILogger<PdfPrinterWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmUpAtStart) return Task.CompletedTask;
        _ = Task.Run(async () =>
        {
            try
            {
                await printer.WarmUpAsync();
                logger.LogInformation("PDF printer ready ({Path})", options.Value.ChromiumPath);
            }
            catch (Exception e) when (!printer.IsStopping)
            {
                logger.LogWarning(e, "PDF printer could not start Chromium at {Path}; PDFs will fail until it can", options.Value.ChromiumPath);
            }
            catch (Exception)
            {
                // The app stopped during the warm-up: nothing to report.
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => printer.StopAsync(cancellationToken);
}
