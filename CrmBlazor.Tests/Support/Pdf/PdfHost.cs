using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Data;
using CrmBlazor.Localization;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Tests.Support.Pdf;

/// <summary>One warm Chromium printer shared by the PDF tests of a collection (launching one takes ~1 s and ~0.5 GB).</summary>
public sealed class PrinterFixture : IAsyncLifetime
{
    public ChromiumPdfPrinter Printer { get; } = NewPrinter();

    public static ChromiumPdfPrinter NewPrinter(int pages = 2) => new(
        Options.Create(new PdfOptions { ChromiumPath = Browser.ExecutablePath, Pages = pages }),
        NullLogger<ChromiumPdfPrinter>.Instance);

    public Task InitializeAsync() => Printer.WarmUpAsync();

    public async Task DisposeAsync() => await Printer.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PrinterCollection : ICollectionFixture<PrinterFixture>
{
    public const string Name = "pdf-printer";
}

/// <summary>Counts the PDFs actually printed, to tell a stored PDF from a new one.</summary>
public sealed class CountingPrinter(IPdfPrinter inner) : IPdfPrinter
{
    private int _count;
    public int Count => _count;

    public Task<byte[]> PrintAsync(PdfJob job, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _count);
        return inner.PrintAsync(job, ct);
    }
}

/// <summary>The domain services plus the web project's PDF services, on a test database.</summary>
public static class PdfHost
{
    public static Task<DomainHost> CreateAsync(IPdfPrinter printer, DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        DomainHost.CreateAsync(provider, services =>
        {
            services.AddSingleton<Text>();
            services.AddSingleton(printer);
            services.AddScoped<DocumentSheetLoader>();
            services.AddScoped<DocumentHtmlRenderer>();
            services.AddScoped<DocumentPdfService>();
        });
}
