using System.Diagnostics;

namespace CrmBlazor.Tests.Support.Deploy;

/// <summary>
/// The app as a host deploys it: <c>dotnet publish</c> into a folder of its own, once per test run (from the build
/// the test run already made), or the folder named by CRM_TEST_PUBLISHED.
/// </summary>
public static class PublishedBuild
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _folder;

    public static async Task<string> FolderAsync()
    {
        if (Environment.GetEnvironmentVariable("CRM_TEST_PUBLISHED") is { Length: > 0 } given) return given;
        await Gate.WaitAsync();
        try
        {
            return _folder ??= await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PublishAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"published-{Guid.NewGuid():N}");
        var project = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "CrmBlazor", "CrmBlazor.csproj");
        var info = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "--no-build", "-o", folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{await output}\n{await error}");
        return folder;
    }
}
