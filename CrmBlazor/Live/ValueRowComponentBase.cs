using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Live;

/// <summary>
/// A repeated row or card that renders again only when what it shows changed. Its list renders again for any change
/// (another row, a selection), and Blazor re-renders every child with a record or callback parameter; records compare
/// by value, so an unchanged row skips its render and its diff. Callbacks are the list's own methods: not a change.
/// </summary>
public abstract class ValueRowComponentBase : ComponentBase
{
    private object? _shown;

    /// <summary>Everything the row shows, as a value (a tuple of records and flags).</summary>
    protected abstract object Shown { get; }

    protected override void OnParametersSet() => _shown ??= Shown;

    protected override bool ShouldRender()
    {
        var now = Shown;
        if (Equals(now, _shown)) return false;
        _shown = now;
        return true;
    }
}
