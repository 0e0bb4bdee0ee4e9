using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>
/// One live page under measure: where watchers look (<see cref="Url"/>, <see cref="ShownSelector"/>), how a writer
/// tab is opened, and how it makes one change (returning the in-page time of the click).
/// </summary>
public sealed record LiveScenario(
    string Url,
    Func<Task<IPage>> OpenWriterAsync,
    Func<Task<IPage>> OpenWatcherAsync,
    Func<IPage, string, Task<double>> ChangeAsync,
    string ShownSelector);
