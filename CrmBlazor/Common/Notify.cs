using MudBlazor;

namespace CrmBlazor.Common;

/// <summary>
/// Snackbar messages that are always rendered as text: some MudBlazor versions render a string
/// message as HTML, and a client's name may contain markup.
/// </summary>
public static class Notify
{
    public static void Text(this ISnackbar snackbar, string message, Severity severity = Severity.Normal) =>
        snackbar.Add(builder => builder.AddContent(0, message), severity);

    public static void Error(this ISnackbar snackbar, string message) => snackbar.Text(message, Severity.Error);

    public static void Warning(this ISnackbar snackbar, string message) => snackbar.Text(message, Severity.Warning);
}
