using System.Diagnostics;
using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmBlazor.Tests.Performance;

/// <summary>
/// SND-3: time to first byte of GET /d/{token} with 8 clients at once, on the real Kestrel server and
/// SQLite; every request records its view (a write). Appends to docs/benchmarks/public.md.
/// </summary>
[Trait("Category", "Performance")]
[Collection(PdfBenchCollection.Name)]
public sealed class PublicPageBenchmark(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int RequestsPerClient = 100;
    private const int Warmup = 10;

    [Fact]
    public async Task SND_3_public_page_time_to_first_byte_with_8_clients()
    {
        await using var app = new CrmAppFactory();
        app.Start();
        var token = await QuoteLinkAsync(app);
        var url = $"{app.BaseUrl}/d/{token}";

        var clients = Enumerable.Range(0, Clients).Select(_ => new HttpClient(new SocketsHttpHandler { UseCookies = false })).ToList();
        foreach (var client in clients)
            for (var i = 0; i < Warmup; i++) await FirstByteAsync(client, url);

        var started = Stopwatch.GetTimestamp();
        var times = (await Task.WhenAll(clients.Select(async client =>
        {
            var mine = new double[RequestsPerClient];
            for (var i = 0; i < RequestsPerClient; i++) mine[i] = await FirstByteAsync(client, url);
            return mine;
        }))).SelectMany(t => t).Order().ToArray();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var client in clients) client.Dispose();

        var p50 = times[times.Length / 2];
        var p95 = times[(int)Math.Ceiling(0.95 * times.Length) - 1];
        var inv = CultureInfo.InvariantCulture;
        var row = string.Create(inv, $"| GET /d/{{token}}, SQLite, {Clients} clients × {RequestsPerClient} | {p50:F1} | {p95:F1} | {times[^1]:F1} | {times.Length / seconds:F0} | p95 ≤ 200 ms |");
        output.WriteLine(row);
        Console.WriteLine("[bench] " + row);
        Append(row);
        Assert.True(p95 <= 200, $"p95 {p95:F1} ms");
    }

    /// <summary>Milliseconds until the response headers (sent with the first byte of the page) arrive; the body is then read in full.</summary>
    private static async Task<double> FirstByteAsync(HttpClient client, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        var ttfb = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return ttfb;
    }

    private static async Task<string> QuoteLinkAsync(CrmAppFactory app)
    {
        T Staff<T>() => ActivatorUtilities.CreateInstance<T>(app.Services, (ICurrentActor)new TestActor());
        var client = await Staff<ClientService>().CreateAsync(ClientBuilder.Company());
        var rates = await Staff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var documents = Staff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = DocumentType.Quote, ClientId = client, Language = "es", Currency = "EUR", IssueDate = today, ValidUntil = today.AddDays(30),
            Lines = Enumerable.Range(1, 12).Select(i => new LineInput
            {
                Description = $"Trabajo {i}", Quantity = i, Unit = "h", UnitPriceMinor = 45_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES"),
            }).ToList(),
        });
        await documents.IssueAsync(id);
        var url = (await Staff<PublicLinkService>().CreateAsync(id)).Url;
        return url[(url.LastIndexOf('/') + 1)..];
    }

    private static void Append(string row)
    {
        var file = Path.Combine(Path.GetDirectoryName(Bench.ResultsFile())!, "public.md");
        if (!File.Exists(file))
            File.WriteAllText(file, "# Public page benchmark (SND-3)\n\nWritten by `scripts/bench.sh` (`CrmBlazor.Tests/Performance/PublicPageBenchmark.cs`); newest run last. " +
                "Real Kestrel, SQLite, a 12-line quote; every GET records its view.\n");
        var header = string.Create(CultureInfo.InvariantCulture, $"\n## Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores\n\n") +
            "| What | TTFB p50 ms | TTFB p95 ms | max ms | requests/s | Target |\n|---|---:|---:|---:|---:|---|\n";
        File.AppendAllText(file, header + row + "\n");
    }
}
