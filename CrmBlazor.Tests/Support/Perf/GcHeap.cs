using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>The live managed heap of a process after a full GC, through dotnet-gcdump (a local tool of the repository).</summary>
public static partial class GcHeap
{
    public static async Task<long> LiveBytesAsync(int processId)
    {
        var file = Path.Combine(Path.GetTempPath(), "crmblazor-bench", $"{Guid.NewGuid():N}.gcdump");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await RunAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file);
        var report = await RunAsync("report", file);
        File.Delete(file);
        var match = HeapBytes().Match(report);
        if (!match.Success) throw new InvalidOperationException("dotnet-gcdump report gave no heap size:\n" + report);
        return long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", ["dotnet-gcdump", .. args])
        {
            WorkingDirectory = Hosting.RootConfiguration.FindRepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet-gcdump {string.Join(' ', args)} failed: {await output}{await error}");
        return await output;
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
