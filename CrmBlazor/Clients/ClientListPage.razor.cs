using System.Globalization;
using CrmBlazor.Common;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Clients;

/// <summary>
/// The company or person list (DIR-3): <see cref="CompanyListPage"/> and <see cref="PersonListPage"/> are its routes, so going
/// from one to the other makes a new list. Its state is in the URL (DIR-4); a new query string sets the parameters again.
/// </summary>
public partial class ClientListPage
{
    private const int PageSize = 50;

    [Parameter, EditorRequired] public ClientKind Kind { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "f")] public string[]? Rules { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "desc")] public string? Descending { get; set; }

    private ClientListUrl _url = ClientListUrl.Default(ClientKind.Company);
    private ClientPage? _page;
    private readonly Stack<ClientCursor?> _cursors = new();
    private ClientCursor? _current;
    private string? _error;
    private bool _loading;
    private readonly HashSet<long> _selected = [];
    private readonly EventCallback _selectionChanged;
    private ClientPageRefresh _refresh = default!;
    private ClientTable _table = default!;

    public ClientListPage() => _selectionChanged = EventCallback.Factory.Create(this, () => { });

    private string Title => _url.Kind == ClientKind.Company ? T["Nav.Companies"] : T["Nav.Persons"];

    private string ExportHref => _url.ToUrl(_url.Path + "/export.csv");

    private string RangeText
    {
        get
        {
            if (_page is null || _page.Rows.Count == 0) return T["List.NoRows"];
            var first = _cursors.Count * PageSize + 1;
            var last = first + _page.Rows.Count - 1;
            var total = _page.TotalIsCapped ? T["List.MoreThan", ClientDirectory.TotalCap.ToString("N0", CultureInfo.CurrentCulture)] : _page.Total.ToString("N0", CultureInfo.CurrentCulture);
            return T["List.Range", first.ToString("N0", CultureInfo.CurrentCulture), last.ToString("N0", CultureInfo.CurrentCulture), total];
        }
    }

    protected override void OnInitialized()
    {
        _refresh = new ClientPageRefresh(Directory, Placement);
        ListenToBursts(c => c.Topic == Topics.Client, ApplyChangesAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _error = T.MessageIfRefused(() => _url = ClientListUrl.FromQuery(Kind, Search, Rules, Sort, Descending));
        if (_error is not null) _url = ClientListUrl.Default(Kind);
        _cursors.Clear();
        _selected.Clear();
        await LoadAsync(null);
    }

    // DIR-8: a colleague's changes reach only the rows they can affect; the whole page is read again only when
    // rows may enter or leave it, and nothing renders for a change to a client this page cannot show.
    private async Task<bool> ApplyChangesAsync(IReadOnlyList<Change> burst)
    {
        var refresh = _page is null ? PageRefresh.Reload : await _refresh.ApplyAsync(_url.ToRequest(_current, PageSize), _page, burst);
        if (refresh.ReloadPage)
        {
            await LoadAsync(_current);
            return true;
        }
        if (refresh.Page is not { } page) return false;
        var totalMoved = page.Total != _page!.Total || page.TotalIsCapped != _page.TotalIsCapped;
        _page = page;
        if (totalMoved) return true;
        _table.Show(page.Rows); // rows only: the table renders, the page around it does not
        return false;
    }

    private async Task DeleteRowAsync(ClientRow row)
    {
        if (await Archive.ArchiveAsync([row.Id], row.Name)) _selected.Remove(row.Id);
    }

    private async Task DeleteSelectedAsync()
    {
        if (await Archive.ArchiveAsync(_selected.ToList(), null)) _selected.Clear();
    }

    private async Task LoadAsync(ClientCursor? at)
    {
        _loading = true;
        var refusal = await T.MessageIfRefusedAsync(async () =>
        {
            _page = await Directory.ListAsync(_url.ToRequest(at, PageSize));
            _current = at;
        });
        // A refused read shows its message in place of the rows; one that went through leaves the link's message shown.
        if (refusal is not null) (_error, _page) = (refusal, null);
        _loading = false;
    }

    private void Go(ClientListUrl url) => Nav.NavigateTo(url.ToUrl());

    private Task SearchChangedAsync(string? text)
    {
        Go(_url with { Search = text?.Trim() ?? string.Empty });
        return Task.CompletedTask;
    }

    private Task ApplyFilterAsync(ClientFilter filter)
    {
        Go(_url with { Filter = filter });
        return Task.CompletedTask;
    }

    private Task SortAsync((ClientSortField Sort, bool Descending) sort)
    {
        Go(_url with { Sort = sort.Sort, Descending = sort.Descending });
        return Task.CompletedTask;
    }

    private async Task NextAsync()
    {
        if (_page?.Next is not { } next) return;
        _cursors.Push(_current);
        await LoadAsync(next);
    }

    private async Task PreviousAsync()
    {
        if (_cursors.Count == 0) return;
        await LoadAsync(_cursors.Pop());
    }

    private async Task FirstAsync()
    {
        _cursors.Clear();
        await LoadAsync(null);
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<ClientFormDialog> { { d => d.Kind, _url.Kind } };
        var dialog = await Dialogs.ShowAsync<ClientFormDialog>(_url.Kind == ClientKind.Company ? T["List.NewCompany"] : T["List.NewPerson"], parameters);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: long id }) Nav.NavigateTo($"/clients/{id}");
    }
}
