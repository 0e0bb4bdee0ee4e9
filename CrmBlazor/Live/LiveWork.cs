namespace CrmBlazor.Live;

/// <summary>
/// Work a page queues on its own circuit when the change feed reports something. The publisher (a colleague's
/// save, a portal request, a webhook) is not kept waiting for every open page to reload: it goes on at once, and a
/// page that went away meanwhile is ignored.
/// </summary>
public static class LiveWork
{
    public static Task Detach(Task work)
    {
        _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }
}
