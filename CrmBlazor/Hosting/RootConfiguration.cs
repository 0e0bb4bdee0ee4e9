using Microsoft.Extensions.Configuration.Json;

namespace CrmBlazor.Hosting;

/// <summary>
/// The app reads one configuration file, appsettings.json, and resolves relative paths (the SQLite file, the
/// mail pickup folder) against one data root. A published folder is self-contained: the file beside the binary
/// is the content root's, relative paths start there. A build run from a checkout (dotnet run, the tests) reads
/// the repository root's file, whatever folder it was started from. Environment variables and the command line
/// override any key either way.
/// </summary>
public static class RootConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>The web project's folder (static assets and Razor live there), or the published folder.</summary>
    public static string FindContentRoot() => IsPublished ? AppContext.BaseDirectory : CheckoutContentRoot();

    /// <summary>Where relative paths in the configuration start.</summary>
    public static string FindDataRoot() => IsPublished ? AppContext.BaseDirectory : FindRepositoryRoot();

    /// <summary>
    /// A build (not a publish) carries a static web assets manifest that points into the source tree; a published
    /// folder has its own wwwroot instead, and its own appsettings.json.
    /// </summary>
    public static bool IsPublished =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, FileName))
        && !Directory.EnumerateFiles(AppContext.BaseDirectory, "*.staticwebassets.runtime.json").Any();

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
        // Replace the default per-project files by the one file, keeping env vars and args on top of it.
        foreach (var source in configuration.Sources.OfType<JsonConfigurationSource>().ToList())
            configuration.Sources.Remove(source);
        var file = new JsonConfigurationSource { Path = Path.Combine(FindDataRoot(), FileName), Optional = false };
        file.ResolveFileProvider();
        configuration.Sources.Insert(0, file);
    }

    private static string CheckoutContentRoot()
    {
        var web = Path.Combine(FindRepositoryRoot(), "CrmBlazor");
        return Directory.Exists(web) ? web : AppContext.BaseDirectory;
    }
}
