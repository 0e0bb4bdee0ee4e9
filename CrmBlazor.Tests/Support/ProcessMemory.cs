using System.Globalization;

namespace CrmBlazor.Tests.Support;

/// <summary>Process trees and their RSS and PSS, read from /proc (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>The process and all its descendants.</summary>
    public static List<int> Tree(int root) => Descendants([root], Parents());

    /// <summary>Summed RSS and PSS in bytes of the given processes and all their descendants.</summary>
    public static (long Rss, long Pss) OfTrees(IEnumerable<int> roots)
    {
        var tree = Descendants(roots, Parents());
        return (tree.Sum(pid => Field(pid, "status", "VmRSS:")), tree.Sum(pid => Field(pid, "smaps_rollup", "Pss:")));
    }

    /// <summary>The direct children of <paramref name="parent"/>, but <paramref name="except"/>.</summary>
    public static IEnumerable<int> Children(int parent, params int[] except) =>
        Parents().Where(p => p.Value == parent && !except.Contains(p.Key)).Select(p => p.Key).ToList();

    private static List<int> Descendants(IEnumerable<int> roots, Dictionary<int, int> parents)
    {
        var tree = roots.ToList();
        for (var i = 0; i < tree.Count; i++) tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        return tree;
    }

    private static Dictionary<int, int> Parents()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                parents[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (IOException) { }
        }
        return parents;
    }

    private static long Field(int pid, string file, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/{file}").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }
    }
}
