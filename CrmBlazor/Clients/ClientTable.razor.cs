using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CrmBlazor.Clients;

/// <summary>
/// The company and person lists' table. Rows are plain elements keyed by id, and each row's handlers are made once
/// per row and kept: a new lambda on every render would give every row new event handler ids, so a change to one
/// row would still send every row to the browser.
/// </summary>
public partial class ClientTable
{
    private static readonly MarkupString Unchecked = new(Svg("M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z"));
    private static readonly MarkupString Checked = new(Svg("M19 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.11 0 2-.9 2-2V5c0-1.1-.89-2-2-2zm-9 14l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z"));
    private static readonly MarkupString DeleteIcon = new(Svg("M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z"));

    private readonly Dictionary<long, RowHandlers> _handlers = [];
    private readonly Dictionary<long, (ClientRow Row, string Html)> _cells = [];
    private readonly Func<ChangeEventArgs, Task> _selectAll;
    private IReadOnlyList<ClientRow>? _handledRows;
    private IReadOnlyList<ClientRow>? _shown;

    public ClientTable() => _selectAll = e => SelectAllAsync(IsOn(e));

    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter] public ClientKind Kind { get; set; }
    [Parameter] public IReadOnlyList<ClientRow>? Rows { get; set; }
    [Parameter] public bool Loading { get; set; }
    [Parameter] public ClientSortField Sort { get; set; }
    [Parameter] public bool Descending { get; set; }
    [Parameter] public EventCallback<(ClientSortField, bool)> SortChanged { get; set; }

    /// <summary>Ids ticked for "Delete selected" (ARC-1); null: no checkbox column.</summary>
    [Parameter] public HashSet<long>? Selected { get; set; }
    [Parameter] public EventCallback SelectedChanged { get; set; }
    [Parameter] public EventCallback<ClientRow> OnDelete { get; set; }

    private bool AllSelected => _shown is { Count: > 0 } rows && Selected is not null && rows.All(r => Selected.Contains(r.Id));

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Rows, _handledRows)) return;
        _handledRows = Rows;
        Keep(Rows);
    }

    /// <summary>
    /// Shows re-read rows without the page around the table rendering again: a colleague's change to a row on screen
    /// costs this table's diff, not the page's buttons, search box and filter (issue 14).
    /// </summary>
    public void Show(IReadOnlyList<ClientRow> rows)
    {
        Keep(rows);
        StateHasChanged();
    }

    private void Keep(IReadOnlyList<ClientRow>? rows)
    {
        _shown = rows;
        var ids = rows?.Select(r => r.Id).ToHashSet() ?? [];
        foreach (var id in _handlers.Keys.Where(id => !ids.Contains(id)).ToList()) _handlers.Remove(id);
        foreach (var id in _cells.Keys.Where(id => !ids.Contains(id)).ToList()) _cells.Remove(id);
    }

    // A row read again is a new object; an unchanged row keeps its HTML instead of building it on every render.
    private string CellsOf(ClientRow row)
    {
        if (_cells.TryGetValue(row.Id, out var known) && ReferenceEquals(known.Row, row)) return known.Html;
        var html = ClientRowMarkup.Cells(row, Kind, T);
        _cells[row.Id] = (row, html);
        return html;
    }

    private RowHandlers HandlersOf(ClientRow row)
    {
        if (_handlers.TryGetValue(row.Id, out var handlers)) return handlers;
        var id = row.Id;
        handlers = new RowHandlers(
            () => Nav.NavigateTo(DetailHref(id)),
            e => ToggleAsync(id, IsOn(e)),
            () => _shown?.FirstOrDefault(r => r.Id == id) is { } current ? OnDelete.InvokeAsync(current) : Task.CompletedTask);
        _handlers[id] = handlers;
        return handlers;
    }

    private RenderFragment Row(ClientRow row) => builder =>
    {
        var on = HandlersOf(row);
        builder.OpenElement(0, "tr");
        builder.SetKey(row.Id);
        builder.AddAttribute(1, "class", row.Status == ClientStatus.Inactive ? "mud-table-row mud-table-row-clickable client-inactive" : "mud-table-row mud-table-row-clickable");
        builder.AddAttribute(2, "onclick", on.Open);
        if (Selected is not null)
        {
            builder.AddContent(3, HandlerCell(CheckBox("row-select", Selected.Contains(row.Id), T["Archive.Select"], on.Toggle)));
        }
        builder.AddMarkupContent(10, CellsOf(row));
        if (OnDelete.HasDelegate) builder.AddContent(90, HandlerCell(DeleteButton(on.Delete)));
        builder.CloseElement();
    };

    // A tick or a delete inside a row is not a click on the row (which opens the client).
    private static RenderFragment HandlerCell(RenderFragment content) => builder =>
    {
        builder.OpenElement(0, "td");
        builder.AddAttribute(1, "class", "mud-table-cell");
        builder.AddEventStopPropagationAttribute(2, "onclick", true);
        builder.AddContent(3, content);
        builder.CloseElement();
    };

    private async Task ToggleAsync(long id, bool on)
    {
        if (on) Selected!.Add(id); else Selected!.Remove(id);
        await SelectedChanged.InvokeAsync();
    }

    private async Task SelectAllAsync(bool on)
    {
        foreach (var row in _shown ?? []) if (on) Selected!.Add(row.Id); else Selected!.Remove(row.Id);
        await SelectedChanged.InvokeAsync();
    }

    private static bool IsOn(ChangeEventArgs e) => e.Value is bool b ? b : bool.TryParse(e.Value?.ToString(), out var parsed) && parsed;

    private static string DetailHref(long id) => $"/clients/{id}";

    private static string Svg(string path) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\"><path d=\"M0 0h24v24H0z\" fill=\"none\"></path><path d=\"{path}\"></path></svg>";

    private sealed record RowHandlers(Action Open, Func<ChangeEventArgs, Task> Toggle, Func<Task> Delete);
}
