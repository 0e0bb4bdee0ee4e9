using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// The PuppeteerSharp printer (CDP, no driver) against the Playwright printer it replaced (Node driver), in one
/// run and interleaved round by round, so both see the same neighbours on a shared machine. Same pre-rendered
/// invoices, 2 pool pages each. Appends to docs/benchmarks/pdf.md.
/// </summary>
[Collection(PdfBenchCollection.Name)]
[Trait("Category", "Performance")]
public sealed class PdfPrinterComparison(ITestOutputHelper output)
{
    private const int Pages = 2;
    private const int Rounds = 4;

    [Fact]
    public async Task DOC_5_puppeteer_and_playwright_printers_measured_interleaved()
    {
        var options = Options.Create(new PdfOptions { ChromiumPath = Browser.ExecutablePath, Pages = Pages });
        await using var puppeteer = new ChromiumPdfPrinter(options, NullLogger<ChromiumPdfPrinter>.Instance);
        await using var playwright = new PlaywrightPdfPrinter(options, NullLogger<PlaywrightPdfPrinter>.Instance);
        var printers = new (string Name, IPdfPrinter Printer, Func<Task> WarmUp)[]
        {
            ("PuppeteerSharp (CDP)", puppeteer, puppeteer.WarmUpAsync),
            ("Playwright (Node driver)", playwright, playwright.WarmUpAsync),
        };
        var stats = printers.ToDictionary(p => p.Name, _ => new Stats());
        foreach (var (name, _, warmUp) in printers)
        {
            var start = Stopwatch.GetTimestamp();
            await warmUp();
            stats[name].WarmUp = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        await using var host = await PdfHost.CreateAsync(puppeteer);
        await SampleData.OrganisationAsync(host);
        var clientId = await host.Get<ClientService>().CreateAsync(ClientBuilder.Company());
        var renderer = host.Get<DocumentHtmlRenderer>();
        var small = await renderer.RenderAsync(await LoadAsync(host, clientId, 6));
        var large = await renderer.RenderAsync(await LoadAsync(host, clientId, 225));

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (name, printer, _) in round % 2 == 0 ? printers : printers.Reverse())
            {
                var s = stats[name];
                var times = new List<double>();
                var start = Stopwatch.GetTimestamp();
                await PdfBenchmarks.ThroughputAsync(Timed(printer, small, times), Pages, 60);
                s.OnePageSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
                s.OnePageTimes.AddRange(times);
                s.OnePageCount += 60;

                start = Stopwatch.GetTimestamp();
                await PdfBenchmarks.ThroughputAsync(() => printer.PrintAsync(large), Pages, 6);
                s.EightPageSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
                s.EightPageCount += 6;

                var sequential = await Bench.MeasureAsync(async () => await printer.PrintAsync(small), 20);
                s.SequentialMedians.Add(sequential.Median);
            }
        }

        stats[printers[0].Name].Memory = ProcessMemory.OfTrees([puppeteer.Browser!.Process!.Id]);
        // Playwright's tree starts at its Node driver, the other child of this process; Chromium runs under it.
        stats[printers[1].Name].Memory = ProcessMemory.OfTrees(ProcessMemory.Children(Environment.ProcessId, except: puppeteer.Browser!.Process!.Id));

        var inv = CultureInfo.InvariantCulture;
        var rows = new List<string>();
        foreach (var (name, _, _) in printers)
        {
            var s = stats[name];
            s.OnePageTimes.Sort();
            rows.Add(string.Create(inv, $"| 1-page invoice, print only, {name}, {Rounds} interleaved rounds | {Pages} | {s.OnePageCount / s.OnePageSeconds:F1} | {Percentile(s.OnePageTimes, 0.95):F0} | {Median(s.SequentialMedians):F0} (median of round medians) / – | – |"));
            rows.Add(string.Create(inv, $"| 8-page invoice, print only, {name} | {Pages} | {s.EightPageCount / s.EightPageSeconds:F1} | – | – | – |"));
            rows.Add(string.Create(inv, $"| memory after the run, {name}: sum of RSS (PSS) of the browser{(name.StartsWith("Playwright", StringComparison.Ordinal) ? " + driver" : "")} | {Pages} | – | {s.Memory.Rss / 1048576d:F0} MB ({s.Memory.Pss / 1048576d:F0} MB) | warm-up {s.WarmUp:F0} ms | – |"));
        }
        var (pp, pw) = (stats[printers[0].Name], stats[printers[1].Name]);
        rows.Add(string.Create(inv,
            $"| ratio PuppeteerSharp / Playwright: 1-page PDFs/s {(pp.OnePageCount / pp.OnePageSeconds) / (pw.OnePageCount / pw.OnePageSeconds):F2}, p95 {Percentile(pp.OnePageTimes, 0.95) / Percentile(pw.OnePageTimes, 0.95):F2}, sequential median {Median(pp.SequentialMedians) / Median(pw.SequentialMedians):F2}, RSS {(double)pp.Memory.Rss / pw.Memory.Rss:F2}, PSS {(double)pp.Memory.Pss / pw.Memory.Pss:F2} | {Pages} | – | – | – | – |"));
        foreach (var row in rows) output.WriteLine(row);
        PdfBenchmarks.Append(rows);
    }

    private static Func<Task<byte[]>> Timed(IPdfPrinter printer, PdfJob job, List<double> times) => async () =>
    {
        var start = Stopwatch.GetTimestamp();
        var pdf = await printer.PrintAsync(job);
        lock (times) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        return pdf;
    };

    private static async Task<DocumentSheetData> LoadAsync(DomainHost host, long clientId, int lines)
    {
        var id = await host.Get<DocumentService>().CreateDraftAsync(await SampleData.FormAsync(host, DocumentType.Invoice, clientId, "es", lines));
        await host.Get<DocumentService>().IssueAsync(id);
        return (await host.Get<DocumentSheetLoader>().LoadAsync(id))!;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed class Stats
    {
        public double WarmUp;
        public double OnePageSeconds;
        public int OnePageCount;
        public double EightPageSeconds;
        public int EightPageCount;
        public List<double> OnePageTimes { get; } = [];
        public List<double> SequentialMedians { get; } = [];
        public (long Rss, long Pss) Memory;
    }
}
