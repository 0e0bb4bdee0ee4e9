namespace CrmBlazor.Documents.Pdf;

public enum PdfPrinterState
{
    /// <summary>Chromium launches on the first PDF (or at start when warm-up is on).</summary>
    NotStarted,
    Starting,
    Ready,
    /// <summary>Chromium went away; a new one is being launched.</summary>
    Relaunching,
    /// <summary>The last launch failed; <see cref="PdfPrinterStatus.Problem"/> says why.</summary>
    Failed,
    Stopped,
}

public sealed record PdfPrinterStatus(PdfPrinterState State, string? Problem = null);
