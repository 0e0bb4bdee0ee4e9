using System.Diagnostics;
using CrmBlazor.Hosting;

namespace CrmBlazor.Tests.Support.Operations;

/// <summary>What a run of the app's process gave: its exit code and what it wrote.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs the built app (<c>dotnet CrmBlazor/bin/&lt;configuration&gt;/net10.0/CrmBlazor.dll</c>) as a host would, in
/// Production, from the repository root, with the environment variables a test gives on top.
/// </summary>
public static class AppProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string Dll
    {
        get
        {
            // The tests run from CrmBlazor.Tests/bin/<configuration>/net10.0/: the app was built in the same configuration.
            var framework = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            var configuration = framework.Parent!.Name;
            return Path.Combine(RootConfiguration.FindRepositoryRoot(), "CrmBlazor", "bin", configuration, framework.Name, "CrmBlazor.dll");
        }
    }

    public static async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RootConfiguration.FindRepositoryRoot(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Pdf__WarmUpAtStart"] = "false";
        start.Environment["Mail__PickupFolder"] = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"mail-{Guid.NewGuid():N}");
        start.Environment["Reminders__SchedulerEnabled"] = "false";
        start.Environment["Subscriptions__SchedulerEnabled"] = "false";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the app did not exit within {Limit}: {string.Join(' ', args)}\n{await output}\n{await error}");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>The environment variables that point the app at a test database.</summary>
    public static Dictionary<string, string> On(TestDatabase database) => new()
    {
        ["Database__Provider"] = database.Provider.ToString(),
        ["Database__ConnectionString"] = database.Options.ConnectionString,
    };
}
