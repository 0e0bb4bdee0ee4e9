using System.Collections.Frozen;
using CrmBlazor.Domain.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.History;

/// <summary>
/// Every feature's <see cref="IHistoryPhrasing"/>, looked up by kind. A kind no feature phrases (a support message)
/// shows its text under the plain history icon.
/// </summary>
public sealed class HistoryPhrasings
{
    private readonly FrozenDictionary<HistoryKind, IHistoryPhrasing> _byKind;

    public HistoryPhrasings(IEnumerable<IHistoryPhrasing> phrasings)
    {
        var byKind = new Dictionary<HistoryKind, IHistoryPhrasing>();
        foreach (var phrasing in phrasings)
        foreach (var kind in phrasing.Kinds)
        {
            if (!byKind.TryAdd(kind, phrasing))
                throw new InvalidOperationException($"{kind} is phrased by both {byKind[kind].GetType().Name} and {phrasing.GetType().Name}");
        }
        _byKind = byKind.ToFrozenDictionary();
    }

    public string Icon(HistoryKind kind) => For(kind)?.Icon(kind) ?? Icons.Material.Filled.History;

    public IEnumerable<string> Lines(HistoryItem item, Text t) =>
        For(item.Kind)?.Lines(item, t) ?? (item.Text.Length > 0 ? [item.Text] : []);

    public string? Link(HistoryItem item) => For(item.Kind)?.Link(item);

    public string LinkText(HistoryItem item, Text t) => For(item.Kind)?.LinkText(t) ?? t["Documents.History.Open"];

    private IHistoryPhrasing? For(HistoryKind kind) => _byKind.GetValueOrDefault(kind);
}

public static class HistoryPhrasingServices
{
    /// <summary>The registry and every <see cref="IHistoryPhrasing"/> in this assembly: a feature contributes by having one.</summary>
    public static IServiceCollection AddHistoryPhrasings(this IServiceCollection services)
    {
        var phrasings = typeof(IHistoryPhrasing).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHistoryPhrasing).IsAssignableFrom(t));
        foreach (var type in phrasings) services.AddSingleton(typeof(IHistoryPhrasing), type);
        services.AddSingleton<HistoryPhrasings>();
        return services;
    }
}
