using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>The live managed heap of a process after a full GC, through dotnet-gcdump (a local tool of the repository).</summary>
public static partial class GcHeap
{
    public static async Task<long> LiveBytesAsync(int processId) => (await SnapshotAsync(processId)).Total;

    /// <summary>The heap's total and its bytes per type (as dotnet-gcdump groups them), after a full GC.</summary>
    public static async Task<(long Total, Dictionary<string, long> ByType)> SnapshotAsync(int processId)
    {
        var file = Path.Combine(Path.GetTempPath(), "crmblazor-bench", $"{Guid.NewGuid():N}.gcdump");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await RunAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file);
        var report = await RunAsync("report", file);
        File.Delete(file);
        var match = HeapBytes().Match(report);
        if (!match.Success) throw new InvalidOperationException("dotnet-gcdump report gave no heap size:\n" + report);
        var byType = new Dictionary<string, long>();
        foreach (Match row in TypeRow().Matches(report))
            byType[row.Groups[2].Value.Trim()] = byType.GetValueOrDefault(row.Groups[2].Value.Trim()) + Number(row.Groups[1].Value);
        return (Number(match.Groups[1].Value), byType);
    }

    /// <summary>The types whose bytes grew most between two snapshots.</summary>
    public static IEnumerable<(string Type, long Bytes)> Growth(Dictionary<string, long> before, Dictionary<string, long> after, int top) =>
        after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key))).OrderByDescending(g => g.Item2).Take(top);

    private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

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

    // "      2,097,176         1  System.Byte[] (Bytes > 1M)  [System.Private.CoreLib.dll]"
    [GeneratedRegex(@"^\s*([\d,]+)\s+[\d,]+\s+(\S.*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeRow();
}
