namespace CrmBlazor.Documents.Pdf;

/// <summary>A full HTML page and the footer template to print under every page.</summary>
public sealed record PdfJob(string Html, string FooterTemplate);

/// <summary>Prints HTML to an A4 PDF. The seam between the app and the browser.</summary>
public interface IPdfPrinter
{
    Task<byte[]> PrintAsync(PdfJob job, CancellationToken ct = default);
}

public sealed class PdfOptions
{
    public const int MaxPages = 4;

    /// <summary>The Chromium to drive; override with the environment variable Pdf__ChromiumPath.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium-headless-shell";

    /// <summary>How many pages print at once (each reused from PDF to PDF).</summary>
    public int Pages { get; set; } = 2;

    /// <summary>Launch the browser and print a first page when the app starts, so the first real PDF is fast.</summary>
    public bool WarmUpAtStart { get; set; } = true;
}
