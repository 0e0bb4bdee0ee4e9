namespace CrmBlazor.Live;

/// <summary>
/// Work a page queues on its own circuit when the change feed reports something. The publisher (a colleague's
/// save, a portal request, a webhook) is not kept waiting for every open page to reload: it goes on at once.
/// Nobody awaits the work, so a failure is handed to the page's circuit error handling
/// (<c>ComponentBase.DispatchExceptionAsync</c>), as if a click had thrown it.
/// </summary>
public static class LiveWork
{
    public static Task Detach(Task work, Func<Exception, Task> reportFailure)
    {
        _ = work.ContinueWith(async failed =>
        {
            try
            {
                await reportFailure(failed.Exception!.InnerException!);
            }
            catch (Exception)
            {
                // The page's circuit went away meanwhile: nobody is left to tell.
            }
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }
}
