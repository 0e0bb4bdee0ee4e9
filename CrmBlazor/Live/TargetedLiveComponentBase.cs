using System.Globalization;
using CrmBlazor.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Live;

/// <summary>What a targeted live component did with one change.</summary>
public enum LiveOutcome
{
    /// <summary>Nothing it shows changed: no render.</summary>
    Nothing,
    /// <summary>It updated the row or card in place (one small query): render once at the end of the burst.</summary>
    Updated,
    /// <summary>Rows may have moved in or out: reload what it shows, once for the whole burst.</summary>
    ReloadNeeded,
}

/// <summary>
/// A live component (DIR-8) that updates only what a change touches: <c>relevant</c> drops, without a query, the
/// changes it cannot show; <c>apply</c> refreshes the one row or card a change names, or asks for a reload when rows
/// may move in or out. Changes arriving while it works are taken together: one reload per burst at most, and one render.
/// </summary>
public abstract class TargetedLiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<Change> _pending = [];
    private IDisposable? _subscription;
    private bool _working;

    [Inject]
    private ChangeFeed Feed { get; set; } = default!;

    protected void ListenToChanges(Func<Change, bool> relevant, Func<Change, Task<LiveOutcome>> apply, Func<Task> reload)
    {
        _subscription?.Dispose();
        // A change arrives on the publisher's execution context (another user's circuit): work in this page's culture.
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscription = Feed.Subscribe(change => change.Topic == Topics.Resync || relevant(change)
            ? LiveWork.Detach(QueueAsync(change, apply, reload, culture))
            : Task.CompletedTask);
    }

    // Runs on the circuit's dispatcher, one piece at a time, so the queue and the flag need no locking.
    private Task QueueAsync(Change change, Func<Change, Task<LiveOutcome>> apply, Func<Task> reload, (CultureInfo, CultureInfo) culture) => InvokeAsync(async () =>
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        _pending.Add(change);
        if (_working) return;
        _working = true;
        try
        {
            while (_pending.Count > 0)
            {
                var burst = _pending.Distinct().ToList();
                _pending.Clear();
                var outcome = LiveOutcome.Nothing;
                foreach (var next in burst)
                {
                    var result = next.Topic == Topics.Resync ? LiveOutcome.ReloadNeeded : await TryApplyAsync(apply, next);
                    if (result == LiveOutcome.ReloadNeeded)
                    {
                        outcome = result;
                        break;
                    }
                    if (result == LiveOutcome.Updated) outcome = result;
                }
                if (outcome == LiveOutcome.ReloadNeeded)
                {
                    // Whatever arrived until now is committed: the reload that starts here shows it too.
                    _pending.Clear();
                    await reload();
                }
                if (outcome != LiveOutcome.Nothing) StateHasChanged();
            }
        }
        finally
        {
            _working = false;
        }
    });

    // A targeted update that fails (the row's read refused, the page changed under it) falls back to the reload: correctness first.
    private static async Task<LiveOutcome> TryApplyAsync(Func<Change, Task<LiveOutcome>> apply, Change change)
    {
        try
        {
            return await apply(change);
        }
        catch (Exception)
        {
            return LiveOutcome.ReloadNeeded;
        }
    }

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
