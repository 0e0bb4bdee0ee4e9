using System.Globalization;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Common;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Clients.Archive;

/// <summary>
/// "Delete" and "Delete selected" on the lists (ARC-1): confirm, move to the Archive, then offer Undo in a
/// message for <see cref="UndoSeconds"/> seconds. One per circuit.
/// </summary>
public sealed class ArchiveFlow(ClientArchiveService archive, IDialogService dialogs, ISnackbar snackbar, Text t)
{
    public const int UndoSeconds = 8;

    private readonly FormSubmission _moving = FormSubmission.MessageOnly();
    private readonly FormSubmission _undoing = FormSubmission.MessageOnly();

    /// <returns>Whether the clients were moved (false: cancelled or refused, with a message shown).</returns>
    public async Task<bool> ArchiveAsync(IReadOnlyCollection<long> ids, string? singleName)
    {
        if (ids.Count == 0) return false;
        var parameters = new DialogParameters<ArchiveConfirmDialog> { { d => d.Name, singleName }, { d => d.Count, ids.Count } };
        var dialog = await dialogs.ShowAsync<ArchiveConfirmDialog>(t["Archive.ConfirmTitle"], parameters);
        if (await dialog.Result is not { Canceled: false }) return false;
        return await _moving.RunAsync(t, async () =>
        {
            var outcome = await archive.ArchiveAsync(ids);
            // Counts only in the message: a snackbar may render its text as markup, and names are user input.
            snackbar.Add(t["Archive.Moved", N(outcome.Count)], Severity.Success, o =>
            {
                o.Action = t["Archive.Undo"];
                o.ActionColor = Color.Inherit;
                o.VisibleStateDuration = UndoSeconds * 1000;
                o.SnackbarTypeClass = "archive-undo-snackbar";
                o.OnClick = _ => UndoAsync(outcome.Undo);
            });
        }, snackbar.Error);
    }

    private Task UndoAsync(ArchiveUndo undo) => _undoing.RunAsync(t, async () =>
    {
        var restored = await archive.UndoArchiveAsync(undo);
        snackbar.Add(t["Archive.Undone", N(restored)], Severity.Info);
    }, snackbar.Error);

    private static string N(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
}
