using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Subscriptions;

/// <summary>"Subscriptions" in appsettings.json: how often due periods are invoiced.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    public bool SchedulerEnabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    public int FirstRunDelaySeconds { get; set; } = 45;
}

/// <summary>Runs <see cref="SubscriptionBilling"/> periodically. Safe with several instances: see the billing.</summary>
public sealed class SubscriptionScheduler(IServiceScopeFactory scopes, IOptions<SubscriptionOptions> options, TimeProvider clock, ILogger<SubscriptionScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.SchedulerEnabled) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, o.FirstRunDelaySeconds)), clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, o.IntervalMinutes)), clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<SubscriptionBilling>().RunAsync(clock.GetUtcNow().UtcDateTime, ct);
            if (run.Invoiced + run.Queued + run.Failed > 0)
                logger.LogInformation("Subscriptions: {Invoiced} invoiced, {Queued} emails queued, {Failed} failed", run.Invoiced, run.Queued, run.Failed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Subscription billing run failed");
        }
    }
}
