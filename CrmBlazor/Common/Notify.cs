using CrmBlazor.Domain.Common;
using CrmBlazor.Localization;
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

    public static void Error(this ISnackbar snackbar, Text t, DomainException error) =>
        snackbar.Text(t.Message(error), Severity.Error);
}
