using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using ChromiumPdfOptions = PuppeteerSharp.PdfOptions;

namespace CrmBlazor.Documents.Pdf;

/// <summary>
/// Prints with one warm headless Chromium, driven over CDP by PuppeteerSharp (no driver process beside
/// the browser), and a small pool of reused pages (a reused page costs a few tens of ms, a new one far more).
/// JavaScript is off and every page aborts every network request: content comes from SetContentAsync and
/// images are data: URIs, so printing never fetches anything. If the browser dies, the next print launches
/// a new one. Stopping lets the prints in flight finish (until the host's stop timeout), then closes Chromium.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<PdfOptions> options, ILogger<ChromiumPdfPrinter> logger) : IPdfPrinter, IAsyncDisposable
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--dns-prefetch-disable",
        // Belt and braces with the interception that aborts every request: the preload scanner may still open a
        // socket (preconnect) before a request is intercepted. Everything, loopback included, goes to a proxy
        // on the closed discard port, so no connection ever reaches a real host.
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
    ];

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly PdfOptions _options = options.Value;
    private readonly int _pages = Math.Clamp(options.Value.Pages, 1, PdfOptions.MaxPages);
    private readonly SemaphoreSlim _slots = new(Math.Clamp(options.Value.Pages, 1, PdfOptions.MaxPages));
    private readonly SemaphoreSlim _launch = new(1, 1);
    private readonly ConcurrentBag<IPage> _idle = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopStarted;
    private IBrowser? _browser;
    private volatile PdfPrinterStatus _status = new(PdfPrinterState.NotStarted);

    /// <summary>The running browser (tests close or kill it to prove the printer recovers and shuts it down).</summary>
    internal IBrowser? Browser => _browser;

    public PdfPrinterStatus Status => _status;

    public bool IsStopping => _stopping.IsCancellationRequested;

    public async Task<byte[]> PrintAsync(PdfJob job, CancellationToken ct = default)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        try
        {
            await _slots.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw Stopped();
        }
        try
        {
            if (_stopping.IsCancellationRequested) throw Stopped();
            for (var attempt = 1; ; attempt++)
            {
                var page = await TakePageAsync();
                try
                {
                    var pdf = await PrintOnAsync(page, job, ct);
                    _idle.Add(page);
                    return pdf;
                }
                catch (PuppeteerException e) when (attempt == 1 && !_stopping.IsCancellationRequested)
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
        await Task.WhenAll(Enumerable.Range(0, _pages).Select(_ => PrintAsync(job)));
    }

    /// <summary>
    /// The printer's state, after asking a running browser for its version (a dead or hung one is not Ready).
    /// A browser found gone is relaunched in the background, so readiness comes back without waiting for a PDF.
    /// </summary>
    public async Task<PdfPrinterStatus> CheckAsync(CancellationToken ct = default)
    {
        var status = _status;
        if (status.State != PdfPrinterState.Ready) return status;
        if (_browser is { IsConnected: true } browser)
        {
            try
            {
                await browser.GetVersionAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
                return status;
            }
            catch (Exception e) when (e is PuppeteerException or TimeoutException)
            {
                return new PdfPrinterStatus(PdfPrinterState.Relaunching, $"Chromium did not answer: {e.Message}");
            }
        }
        _ = Task.Run(async () =>
        {
            try { await BrowserAsync(); }
            catch (Exception e) { logger.LogWarning(e, "Relaunching Chromium failed"); }
        }, CancellationToken.None);
        return new PdfPrinterStatus(PdfPrinterState.Relaunching, "Chromium went away; launching a new one");
    }

    private static async Task<byte[]> PrintOnAsync(IPage page, PdfJob job, CancellationToken ct)
    {
        await page.SetContentAsync(job.Html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load], CancellationToken = ct });
        return await page.PdfDataAsync(new ChromiumPdfOptions
        {
            Format = PaperFormat.A4,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = job.FooterTemplate,
            MarginOptions = new MarginOptions { Top = "14mm", Bottom = "16mm", Left = "14mm", Right = "14mm" },
            // As the Playwright printer made them: untagged, no outline (smaller and faster to print).
            Tagged = false,
            Outline = false,
        });
    }

    private async Task<IPage> TakePageAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            if (!idle.IsClosed && idle.Browser is { IsConnected: true }) return idle;
        }
        var browser = await BrowserAsync();
        var page = await browser.NewPageAsync();
        page.DefaultTimeout = 30_000;
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.AddRequestInterceptor(request => request.AbortAsync());
        return page;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running) return running;
        await _launch.WaitAsync(_stopping.Token);
        try
        {
            if (_browser is { IsConnected: true } other) return other;
            if (_stopping.IsCancellationRequested) throw Stopped();
            if (_browser is not null)
            {
                logger.LogWarning("Chromium disconnected; launching a new one");
                _status = new PdfPrinterStatus(PdfPrinterState.Relaunching);
                await CloseQuietlyAsync(_browser);
            }
            else
            {
                _status = new PdfPrinterStatus(PdfPrinterState.Starting);
            }
            _browser = await LaunchAsync();
            _status = new PdfPrinterStatus(PdfPrinterState.Ready);
            logger.LogInformation("Chromium launched for PDFs (pid {Pid}, {Path})", _browser.Process?.Id, _options.ChromiumPath);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(_options.ChromiumPath))
        {
            var missing = $"Chromium not found at {_options.ChromiumPath}";
            _status = new PdfPrinterStatus(PdfPrinterState.Failed, missing);
            throw new FileNotFoundException(missing, _options.ChromiumPath);
        }
        try
        {
            return await Puppeteer.LaunchAsync(new LaunchOptions
            {
                // Always this Chromium: PuppeteerSharp never downloads one.
                ExecutablePath = _options.ChromiumPath,
                HeadlessMode = HeadlessMode.Shell,
                Args = Args,
                Timeout = 30_000,
            });
        }
        catch (Exception e)
        {
            _status = new PdfPrinterStatus(PdfPrinterState.Failed, $"Chromium at {_options.ChromiumPath} did not start: {e.Message}");
            throw;
        }
    }

    /// <summary>Lets the prints in flight finish until <paramref name="ct"/> fires (then they fail), and closes Chromium.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopStarted, 1) == 1)
        {
            await _stopped.Task;
            return;
        }
        try
        {
            await _stopping.CancelAsync();
            try
            {
                for (var i = 0; i < _pages; i++) await _slots.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("Closing Chromium with PDFs still printing; they fail");
            }
            await _launch.WaitAsync(CancellationToken.None);
            if (_browser is not null) await CloseQuietlyAsync(_browser);
            _status = new PdfPrinterStatus(PdfPrinterState.Stopped);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await StopAsync(timeout.Token);
    }

    private static InvalidOperationException Stopped() => new("The PDF printer has stopped (the app is shutting down)");

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try { await page.CloseAsync(); } catch (PuppeteerException) { } catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// Closes the browser and makes sure its process has exited (killed if it does not close). Debian's
    /// /usr/bin/chromium-headless-shell is a shell script that runs the real binary as its child, so kill the whole tree.
    /// </summary>
    private static async Task CloseQuietlyAsync(IBrowser browser)
    {
        try { await browser.CloseAsync().WaitAsync(StopTimeout); }
        catch (Exception e) when (e is PuppeteerException or TimeoutException or ObjectDisposedException) { }
        var process = browser.Process;
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException) { }
    }
}
