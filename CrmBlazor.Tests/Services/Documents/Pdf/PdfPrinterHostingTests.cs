using CrmBlazor.Tests.Support;
using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Documents.Pdf;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Tests.Services.Documents.Pdf;

/// <summary>The printer inside a host: readiness check, settings checked at start, Chromium closed when the host stops.</summary>
public sealed class PdfPrinterHostingTests
{
    private static readonly PdfJob Job = new("<html><body style=\"font-family:'DejaVu Sans'\">Factura 7</body></html>", "<span></span>");

    [Fact]
    public async Task Printer_closes_chromium_when_the_host_stops()
    {
        using var host = Host(Browser.ExecutablePath);
        await host.StartAsync();
        var printer = host.Services.GetRequiredService<ChromiumPdfPrinter>();
        await printer.PrintAsync(Job);
        var chromium = ProcessMemory.Tree(printer.Browser!.Process!.Id);
        Assert.True(chromium.Count > 1, "expected the browser and its helper processes");

        await host.StopAsync();

        Assert.True(printer.Browser!.Process!.HasExited);
        Assert.DoesNotContain(chromium, Running);
        Assert.Equal(PdfPrinterState.Stopped, printer.Status.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => printer.PrintAsync(Job));
    }

    [Fact]
    public async Task Printer_finishes_the_pdf_in_flight_before_closing_chromium()
    {
        await using var printer = PrinterFixture.NewPrinter(pages: 1);
        await printer.WarmUpAsync();

        var printing = printer.PrintAsync(Job);
        await printer.StopAsync();

        Assert.Contains("Factura 7", PdfText.All(await printing));
        Assert.True(printer.Browser!.Process!.HasExited);
    }

    [Fact]
    public async Task Pdf_health_check_is_degraded_before_the_launch_and_healthy_after_the_warm_up()
    {
        await using var services = Services(Browser.ExecutablePath);
        var health = services.GetRequiredService<HealthCheckService>();

        var before = await ReadyAsync(health);
        await services.GetRequiredService<ChromiumPdfPrinter>().WarmUpAsync();
        var after = await ReadyAsync(health);

        Assert.Equal(HealthStatus.Degraded, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Pdf_health_check_is_healthy_before_the_first_pdf_when_chromium_is_meant_to_launch_on_demand()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(Settings(Browser.ExecutablePath))
        {
            ["Pdf:WarmUpAtStart"] = "false",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDocumentPdf(configuration).BuildServiceProvider();

        var entry = await ReadyAsync(services.GetRequiredService<HealthCheckService>());

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Null(services.GetRequiredService<ChromiumPdfPrinter>().Browser);
    }

    [Fact]
    public async Task Pdf_health_check_is_unhealthy_with_a_bad_path_and_says_where_it_looked()
    {
        // Built by hand: in the app the options validator already stops the start with this path.
        var options = Options.Create(new PdfOptions { ChromiumPath = "/nope/chromium", Pages = 1 });
        await using var printer = new ChromiumPdfPrinter(options, NullLogger<ChromiumPdfPrinter>.Instance);
        var check = new PdfPrinterHealthCheck(printer, options);
        await Assert.ThrowsAsync<FileNotFoundException>(printer.WarmUpAsync);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("Chromium not found at /nope/chromium", result.Description);
        Assert.Equal(new PdfPrinterStatus(PdfPrinterState.Failed, "Chromium not found at /nope/chromium"), printer.Status);
    }

    [Fact]
    public async Task Pdf_health_check_is_degraded_when_chromium_dies_and_healthy_again_once_relaunched()
    {
        await using var services = Services(Browser.ExecutablePath);
        var health = services.GetRequiredService<HealthCheckService>();
        var printer = services.GetRequiredService<ChromiumPdfPrinter>();
        await printer.WarmUpAsync();
        var first = printer.Browser!.Process!;

        first.Kill(entireProcessTree: true);
        await first.WaitForExitAsync();
        await WaitUntilAsync(() => !printer.Browser!.IsConnected);
        var dead = await ReadyAsync(health);
        await WaitUntilAsync(async () => (await ReadyAsync(health)).Status == HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Degraded, dead.Status);
        Assert.NotEqual(first.Id, printer.Browser!.Process!.Id);
        Assert.Contains("Factura 7", PdfText.All(await printer.PrintAsync(Job)));
    }

    [Fact]
    public async Task The_host_does_not_start_when_chromium_is_missing_and_names_the_setting()
    {
        using var host = Host("/nope");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            ["Pdf:ChromiumPath: no file at '/nope'; expected the path of chromium-headless-shell (apt-get install chromium-headless-shell)"],
            error.Failures);
    }

    private static Dictionary<string, string?> Settings(string chromium) => new()
    {
        ["Pdf:ChromiumPath"] = chromium,
        ["Pdf:Pages"] = "1",
        ["Pdf:WarmUpAtStart"] = "true",
    };

    private static IHost Host(string chromium)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(Settings(chromium));
        builder.Services.AddDocumentPdf(builder.Configuration);
        return builder.Build();
    }

    private static ServiceProvider Services(string chromium)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(chromium)).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDocumentPdf(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> ReadyAsync(HealthCheckService health) =>
        (await health.CheckHealthAsync(check => check.Tags.Contains("ready"))).Entries["pdf"];

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "timed out");
            await Task.Delay(50);
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException) { return false; }
    }
}
