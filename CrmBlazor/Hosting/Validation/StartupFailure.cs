using Microsoft.Extensions.Options;

namespace CrmBlazor.Hosting.Validation;

/// <summary>
/// Turns a configuration error that escapes Program.cs into one line on stderr and exit code 1, instead of the
/// runtime's stack trace. It listens for unhandled exceptions rather than wrapping Program.cs in a try block, so
/// Program.cs keeps one line for it; any other exception still crashes with its stack trace, as it should.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;
    private static int _installed;

    public static void ExitWithOneLine()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is not Exception ex || OneLine(ex) is not { } line) return;
            Console.Error.WriteLine(line);
            Console.Error.Flush();
            Environment.Exit(ExitCode);
        };
    }

    /// <summary>The line for a configuration error; null for any other exception.</summary>
    public static string? OneLine(Exception exception) => exception switch
    {
        StartupConfigurationException e => Flat(e.Message),
        OptionsValidationException e => Flat(string.Join("; ", e.Failures)),
        AggregateException e when e.InnerExceptions.Count > 0 && e.InnerExceptions.All(i => OneLine(i) is not null) =>
            string.Join("; ", e.InnerExceptions.Select(i => OneLine(i))),
        // The configuration binder's own words name the key and the value: "Failed to convert configuration value 'x' at 'Mail:Mode' to type ...".
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            Flat(e.Message),
        _ => null,
    };

    private static string Flat(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
