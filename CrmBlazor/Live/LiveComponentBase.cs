using System.Globalization;
using CrmBlazor.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Live;

/// <summary>
/// A component that reloads when the change feed reports something it shows (DIR-8). A burst of
/// changes while a reload runs costs one more reload, not one per change.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private bool _reloading;
    private bool _again;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    /// <summary>Starts listening; <paramref name="relevant"/> picks the changes this component shows.</summary>
    protected void ListenTo(Func<Change, bool> relevant, Func<Task> reload)
    {
        _subscription?.Dispose();
        // A change arrives on the publisher's execution context (another user's circuit, a webhook request) and
        // carries its culture: reload in this page's own language and number format.
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscription = Feed.Subscribe(change => change.Topic == Topics.Resync || relevant(change) ? LiveWork.Detach(ReloadAsync(reload, culture)) : Task.CompletedTask);
    }

    // Runs on the circuit's dispatcher, one piece at a time, so the two flags need no locking.
    private Task ReloadAsync(Func<Task> reload, (CultureInfo Culture, CultureInfo UiCulture) culture) => InvokeAsync(async () =>
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        if (_reloading)
        {
            _again = true;
            return;
        }
        _reloading = true;
        try
        {
            do
            {
                _again = false;
                await reload();
                StateHasChanged();
            }
            while (_again);
        }
        finally
        {
            _reloading = false;
        }
    });

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
