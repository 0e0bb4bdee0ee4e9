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
    private readonly Lock _gate = new();
    private List<Change> _pending = [];
    private bool _draining;
    private IDisposable? _subscription;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    /// <summary>Starts listening; <paramref name="relevant"/> picks the changes this component shows.</summary>
    protected void ListenTo(Func<Change, bool> relevant, Func<Task> reload) =>
        ListenToBursts(relevant, async _ =>
        {
            await reload();
            return true;
        });

    /// <summary>
    /// Starts listening and hands <paramref name="apply"/> every relevant change that arrived since its last call
    /// (a <see cref="Topics.Resync"/> among them means: reload everything). It runs on the circuit, one burst at a
    /// time, and returns whether anything shown changed: the component renders only then.
    /// </summary>
    protected void ListenToBursts(Func<Change, bool> relevant, Func<IReadOnlyList<Change>, Task<bool>> apply)
    {
        _subscription?.Dispose();
        // A change arrives on the publisher's execution context (another user's circuit, a webhook request) and
        // carries its culture: apply it in this page's own language and number format.
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscription = Feed.Subscribe(change =>
            change.Topic == Topics.Resync || relevant(change) ? LiveWork.Detach(QueueAsync(change, apply, culture), DispatchExceptionAsync) : Task.CompletedTask);
    }

    private Task QueueAsync(Change change, Func<IReadOnlyList<Change>, Task<bool>> apply, (CultureInfo, CultureInfo) culture)
    {
        lock (_gate)
        {
            _pending.Add(change);
            if (_draining) return Task.CompletedTask; // the running drain takes it, once it is done with what it has
            _draining = true;
        }
        return InvokeAsync(() => DrainAsync(apply, culture));
    }

    private async Task DrainAsync(Func<IReadOnlyList<Change>, Task<bool>> apply, (CultureInfo Culture, CultureInfo UiCulture) culture)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        try
        {
            while (true)
            {
                List<Change> burst;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _draining = false;
                        return;
                    }
                    (burst, _pending) = (_pending, []);
                }
                if (await apply(burst)) StateHasChanged();
            }
        }
        catch
        {
            lock (_gate)
            {
                _pending.Clear();
                _draining = false;
            }
            throw;
        }
    }

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
