using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Documents.Pdf;

/// <summary>
/// Readiness of the PDF printer: Healthy when Chromium is running and answers (or, without warm-up, waits to be
/// launched by the first PDF), Degraded while it is starting, being relaunched or its warm-up has not run yet,
/// Unhealthy when it cannot be launched, with the reason.
/// </summary>
public sealed class PdfPrinterHealthCheck(ChromiumPdfPrinter printer, IOptions<PdfOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.ChromiumPath;
        if (!File.Exists(path)) return HealthCheckResult.Unhealthy($"Chromium not found at {path}");
        var status = await printer.CheckAsync(cancellationToken);
        return status.State switch
        {
            PdfPrinterState.Ready => HealthCheckResult.Healthy($"Chromium running ({path})"),
            PdfPrinterState.NotStarted when !options.Value.WarmUpAtStart => HealthCheckResult.Healthy("Chromium launches on the first PDF (Pdf:WarmUpAtStart is off)"),
            PdfPrinterState.NotStarted => HealthCheckResult.Degraded("Chromium not launched yet; the warm-up launches it"),
            PdfPrinterState.Starting => HealthCheckResult.Degraded("Chromium is starting"),
            PdfPrinterState.Relaunching => HealthCheckResult.Degraded(status.Problem ?? "Chromium is being relaunched"),
            PdfPrinterState.Stopped => HealthCheckResult.Unhealthy("The PDF printer has stopped (the app is shutting down)"),
            _ => HealthCheckResult.Unhealthy(status.Problem ?? "Chromium cannot be launched"),
        };
    }
}
