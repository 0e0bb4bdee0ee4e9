using System.Collections.Concurrent;
using CrmBlazor.Documents.Pdf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// The production printer as it was before PuppeteerSharp: Microsoft.Playwright, whose Node.js driver runs
/// beside Chromium. Kept only so the benchmark can measure both printers in one run, interleaved.
/// </summary>
internal sealed class PlaywrightPdfPrinter(IOptions<PdfOptions> options, ILogger<PlaywrightPdfPrinter> logger) : IPdfPrinter, IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--dns-prefetch-disable",
        // Belt and braces with the route that aborts every request: the preload scanner may still open a
        // socket (preconnect) before a request is routed. Everything, loopback included, goes to a proxy
        // on the closed discard port, so no connection ever reaches a real host.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private readonly PdfOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(Math.Clamp(options.Value.Pages, 1, PdfOptions.MaxPages));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<IPage> _idle = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<byte[]> PrintAsync(PdfJob job, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var page = await TakePageAsync();
                try
                {
                    var pdf = await PrintOnAsync(page, job);
                    _idle.Add(page);
                    return pdf;
                }
                catch (PlaywrightException e) when (attempt == 1)
                {
                    logger.LogWarning(e, "Printing failed; retrying on a new page");
                    await CloseQuietlyAsync(page);
                }
                catch
                {
                    await CloseQuietlyAsync(page);
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Launches the browser, opens the pool's pages and prints once on each.</summary>
    public async Task WarmUpAsync()
    {
        var job = new PdfJob("<!DOCTYPE html><html><body style=\"font-family:'DejaVu Sans'\">warm-up</body></html>", "<span></span>");
        await Task.WhenAll(Enumerable.Range(0, _options.Pages).Select(_ => PrintAsync(job)));
    }

    private static async Task<byte[]> PrintOnAsync(IPage page, PdfJob job)
    {
        await page.SetContentAsync(job.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = job.FooterTemplate,
            Margin = new Margin { Top = "14mm", Bottom = "16mm", Left = "14mm", Right = "14mm" },
        });
    }

    private async Task<IPage> TakePageAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            if (!idle.IsClosed && idle.Context.Browser is { IsConnected: true }) return idle;
        }
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await context.RouteAsync("**/*", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running) return running;
        await _launch.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } other) return other;
            if (_browser is not null) logger.LogWarning("Chromium disconnected; launching a new one");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = Args,
            });
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try { await page.Context.CloseAsync(); } catch (PlaywrightException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            try { await _browser.CloseAsync(); } catch (PlaywrightException) { }
        }
        _playwright?.Dispose();
    }
}
