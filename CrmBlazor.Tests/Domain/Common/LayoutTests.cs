using CrmBlazor.Hosting;

namespace CrmBlazor.Tests.Domain.Common;

/// <summary>Issue 15: the README's feature map is the tree: every feature has its folder in the domain and the web app, and nothing else sits beside them.</summary>
public class LayoutTests
{
    private static readonly string Root = RootConfiguration.FindRepositoryRoot();

    private static string[] Listed(string label)
    {
        var line = File.ReadLines(Path.Combine(Root, "README.md")).First(l => l.StartsWith(label + ":", StringComparison.Ordinal));
        return line[(label.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Folders(string project) =>
        Directory.GetDirectories(Path.Combine(Root, project)).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "wwwroot")).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("CrmBlazor.Domain", "Domain only")]
    [InlineData("CrmBlazor", "Web only")]
    public void The_feature_map_in_the_readme_is_the_projects_folders(string project, string ownFolders)
    {
        var expected = Listed("Features").Concat(Listed(ownFolders)).Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, Folders(project));
    }

    [Fact]
    public void Every_test_kind_uses_the_feature_names()
    {
        var features = Listed("Features").Concat(Listed("Domain only")).Concat(Listed("Web only")).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in new[] { "Domain", "Services", "Components", "Http" })
        {
            var strays = Folders(Path.Combine("CrmBlazor.Tests", kind)).Where(f => !features.Contains(f)).ToList();
            Assert.True(strays.Count == 0, $"CrmBlazor.Tests/{kind} has folders outside the feature map: {string.Join(", ", strays)}");
        }
    }
}
