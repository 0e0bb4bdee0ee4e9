using Microsoft.Extensions.Configuration.Json;

namespace CrmBlazor.Hosting;

/// <summary>
/// The app reads one configuration file: appsettings.json at the repository root, whatever folder
/// it was started from. Environment variables and the command line still override it (tests do).
/// </summary>
public static class RootConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>The web project's folder (static assets and Razor live there), found from the running binary.</summary>
    public static string FindContentRoot()
    {
        var root = FindRepositoryRoot();
        var web = Path.Combine(root, "CrmBlazor");
        return Directory.Exists(web) ? web : AppContext.BaseDirectory;
    }

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, FileName)) && File.Exists(Path.Combine(dir.FullName, "CrmBlazor.sln")))
                    return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }

    public static void UseRootAppSettings(this ConfigurationManager configuration)
    {
        // Replace the default per-project files by the root one, keeping env vars and args on top of it.
        foreach (var source in configuration.Sources.OfType<JsonConfigurationSource>().ToList())
            configuration.Sources.Remove(source);
        var root = new JsonConfigurationSource { Path = Path.Combine(FindRepositoryRoot(), FileName), Optional = false };
        root.ResolveFileProvider();
        configuration.Sources.Insert(0, root);
    }
}
