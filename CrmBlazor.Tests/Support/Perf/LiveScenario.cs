using Microsoft.Playwright;

namespace CrmBlazor.Tests.Support.Perf;

/// <summary>
/// One live page under measure: where watchers look (<see cref="Url"/>, <see cref="ShownSelector"/>), how a writer
/// tab is opened, and how it makes one change: <see cref="PrepareAsync"/> gets the new value ready (a dialog opened,
/// a field filled), <see cref="CommitAsync"/> saves it and returns the in-page time of the click, and
/// <see cref="SettleAsync"/> waits for the writer's own page to finish. Server CPU is counted from commit to settle,
/// so the cost of opening a dialog is not charged to the watchers.
/// </summary>
public sealed record LiveScenario(
    string Url,
    Func<Task<IPage>> OpenWriterAsync,
    Func<Task<IPage>> OpenWatcherAsync,
    Func<IPage, string, Task> PrepareAsync,
    Func<IPage, Task<double>> CommitAsync,
    Func<IPage, Task> SettleAsync,
    string ShownSelector);
