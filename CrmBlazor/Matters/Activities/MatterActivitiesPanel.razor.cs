using CrmBlazor.Common;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Matters.Activities;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Matters.Activities;

/// <summary>The activities panel's state: the rows, the selection (with the version each was selected at) and the dialogs.</summary>
public partial class MatterActivitiesPanel
{
    [Parameter, EditorRequired] public long MatterId { get; set; }

    private ActivityFormOptions? _options;
    private List<ActivityRow>? _rows;
    private ActivityCursor? _next;
    private ActivityFilter _filter = ActivityFilter.Unbilled;
    private readonly Dictionary<long, long> _selected = [];
    private readonly FormSubmission _delete = FormSubmission.MessageOnly();

    private bool Blocked => _options?.Blocked == true;
    private string Currency => _options?.Currency ?? "EUR";
    private bool AllSelected => _rows is { Count: > 0 } && _rows.Where(r => r.BilledAt is null).All(r => _selected.ContainsKey(r.Id));

    protected override void OnInitialized() =>
        // Activity changes name their matter, not the activity: this matter's reload once per burst; other matters' cost nothing.
        // A matter change comes once without a client and once per party: the first is enough.
        ListenTo(c => (c.Topic == Topics.Activity || c.Topic == Topics.Matter && c.ClientId is null) && c.Id == MatterId, LoadAsync);

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _options = await Activities.OptionsAsync(MatterId);
        var page = await List.ListAsync(MatterId, new ActivityListRequest(_filter));
        _rows = [.. page.Rows];
        _next = page.Next;
        // Keep only what is still there, unbilled, at the version shown.
        var current = _rows.Where(r => r.BilledAt is null).ToDictionary(r => r.Id, r => r.Version);
        foreach (var id in _selected.Keys.ToList())
            if (!current.TryGetValue(id, out var version)) _selected.Remove(id); else _selected[id] = version;
    }

    private async Task MoreAsync()
    {
        var page = await List.ListAsync(MatterId, new ActivityListRequest(_filter, After: _next));
        _rows!.AddRange(page.Rows);
        _next = page.Next;
    }

    private async Task FilterAsync(ActivityFilter filter)
    {
        _filter = filter;
        _selected.Clear();
        await LoadAsync();
    }

    private void Select((ActivityRow Row, bool On) selection)
    {
        var (row, on) = selection;
        if (on) _selected[row.Id] = row.Version; else _selected.Remove(row.Id);
    }

    private void SelectAll(bool on)
    {
        _selected.Clear();
        if (on) foreach (var row in _rows!.Where(r => r.BilledAt is null)) _selected[row.Id] = row.Version;
    }

    private Task NewAsync() =>
        Dialogs.ShowAsync<ActivityDialog>(T["Activities.New"], new DialogParameters<ActivityDialog> { { d => d.MatterId, MatterId } }, Wide);

    private Task EditAsync(ActivityRow row) =>
        Dialogs.ShowAsync<ActivityDialog>(T["Activities.Edit"], new DialogParameters<ActivityDialog> { { d => d.ActivityId, row.Id } }, Wide);

    private Task SplitAsync() =>
        Dialogs.ShowAsync<SplitDialog>(T["Split.Title"], new DialogParameters<SplitDialog> { { d => d.MatterId, MatterId } }, Wide);

    private async Task TransferAsync()
    {
        var selected = _selected.Select(s => new ActivityRef(s.Key, s.Value)).ToList();
        var dialog = await Dialogs.ShowAsync<TransferDialog>(T["Transfer.Title"],
            new DialogParameters<TransferDialog> { { d => d.MatterId, MatterId }, { d => d.Selected, selected } }, Wide);
        if (await dialog.Result is { Canceled: false }) _selected.Clear();
    }

    private Task ProformaAsync() =>
        Dialogs.ShowAsync<MatterProformaDialog>(T["MatterProforma.Title"], new DialogParameters<MatterProformaDialog> { { d => d.MatterId, MatterId } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });

    private async Task DeleteAsync(ActivityRow row)
    {
        var yes = await Dialogs.ShowMessageBoxAsync(T["Activities.Delete"], T["Activities.Delete.Confirm", row.Description],
            yesText: T["Activities.Delete"], cancelText: T["Common.Cancel"]);
        if (yes != true) return;
        await _delete.RunAsync(T, async () =>
        {
            await Activities.DeleteAsync(row.Id, row.Version);
            Snackbar.Text(T["Activities.Deleted"], Severity.Success);
        }, Snackbar.Error);
    }

    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
}
