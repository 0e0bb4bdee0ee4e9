using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Domain.Common;

/// <summary>The settings every periodic job reads from its appsettings.json section.</summary>
public abstract class PeriodicJobOptions
{
    public bool SchedulerEnabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    /// <summary>A short wait after start, so start-up work (migrations, PDF warm-up) comes first.</summary>
    public int FirstRunDelaySeconds { get; set; }
}

/// <summary>
/// Runs a job after a first wait, then once per interval, on <see cref="TimeProvider"/> time (tests drive it with a
/// fake clock). Each run gets its own DI scope; a run that fails is logged and the next one comes on time.
/// </summary>
public abstract class PeriodicJob(IServiceScopeFactory scopes, PeriodicJobOptions options, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>The job's name in the log.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, DateTime utcNow, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SchedulerEnabled) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.FirstRunDelaySeconds)), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes)), clock);
            do
            {
                await RunGuardedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunGuardedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Job} run failed", Name);
        }
    }
}
