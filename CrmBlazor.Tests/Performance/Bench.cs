using System.Diagnostics;
using System.Globalization;

namespace CrmBlazor.Tests.Performance;

public sealed record BenchResult(double Median, double P95)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"median {Median:F2} ms, p95 {P95:F2} ms");
}

/// <summary>Times an operation (after a warm-up) and records the figures in docs/benchmarks/latest.md.</summary>
public static class Bench
{
    public const int Warmup = 20;
    public const int Iterations = 200;
    private static readonly Lock Gate = new();
    private static bool _headerWritten;

    public static async Task<BenchResult> MeasureAsync(Func<Task> run, int iterations = Iterations)
    {
        for (var i = 0; i < Warmup; i++) await run();
        GC.Collect();
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return Summarise(times);
    }

    /// <summary>Times two operations in alternation, so both see the same machine noise (deep page vs page 1).</summary>
    public static async Task<(BenchResult A, BenchResult B)> CompareAsync(Func<Task> a, Func<Task> b)
    {
        for (var i = 0; i < Warmup; i++) { await a(); await b(); }
        GC.Collect();
        var ta = new double[Iterations];
        var tb = new double[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await a();
            ta[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            start = Stopwatch.GetTimestamp();
            await b();
            tb[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (Summarise(ta), Summarise(tb));
    }

    public static BenchResult Summarise(double[] times)
    {
        Array.Sort(times);
        var n = times.Length;
        var median = n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
        return new BenchResult(median, times[(int)Math.Ceiling(0.95 * n) - 1]);
    }

    /// <summary>Prints one result line and appends it to the run's table in docs/benchmarks/latest.md.</summary>
    public static string Report(string provider, string query, BenchResult result, string target, double? ratio = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var ratioText = ratio is { } r ? r.ToString("F2", inv) : "–";
        var line = string.Create(inv, $"[bench] {provider,-10} {query,-44} {result}{(ratio is null ? "" : $", ratio {ratioText}")} (target {target})");
        Console.WriteLine(line);
        lock (Gate)
        {
            var file = ResultsFile();
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            if (!File.Exists(file))
                File.WriteAllText(file, "# Benchmark results\n\nWritten by `scripts/bench.sh` (tests in `CrmBlazor.Tests/Performance`); newest run last.\n");
            // scripts/bench.sh runs each benchmark class in its own process and names the run, so they share one table.
            var run = Environment.GetEnvironmentVariable("CRM_BENCH_RUN") is { Length: > 0 } named ? named : string.Create(inv, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            if (!_headerWritten && !File.ReadLines(file).Contains($"## Run {run}"))
            {
                File.AppendAllText(file, $"\n## Run {run}\n\n" +
                    "| Date | Machine | Provider | Query | Median ms | p95 ms | Ratio | Target |\n" +
                    "|---|---|---|---|---:|---:|---:|---|\n");
            }
            _headerWritten = true;
            File.AppendAllText(file, string.Create(inv,
                $"| {DateTime.UtcNow:yyyy-MM-dd} | {Environment.ProcessorCount} cores | {provider} | {query} | {result.Median:F2} | {result.P95:F2} | {ratioText} | {target} |\n"));
        }
        return line;
    }

    public static string ResultsFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CrmBlazor.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "docs", "benchmarks", "latest.md");
    }
}
