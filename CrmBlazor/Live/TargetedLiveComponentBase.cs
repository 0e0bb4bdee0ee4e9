using CrmBlazor.Domain.Live;

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
/// may move in or out. A burst is handled together (<see cref="LiveComponentBase.ListenToBursts"/>): one reload at
/// most, and one render.
/// </summary>
public abstract class TargetedLiveComponentBase : LiveComponentBase
{
    protected void ListenToChanges(Func<Change, bool> relevant, Func<Change, Task<LiveOutcome>> apply, Func<Task> reload) =>
        ListenToBursts(relevant, async burst =>
        {
            var outcome = LiveOutcome.Nothing;
            foreach (var next in burst.Distinct())
            {
                var result = next.Topic == Topics.Resync ? LiveOutcome.ReloadNeeded : await TryApplyAsync(apply, next);
                if (result == LiveOutcome.ReloadNeeded)
                {
                    // The reload that starts here shows whatever else this burst carried.
                    outcome = result;
                    break;
                }
                if (result == LiveOutcome.Updated) outcome = result;
            }
            if (outcome == LiveOutcome.ReloadNeeded) await reload();
            return outcome != LiveOutcome.Nothing;
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
}
