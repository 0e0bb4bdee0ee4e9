using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Reminders;

/// <summary>"Reminders" in appsettings.json: how often the scheduler looks for overdue invoices.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    public bool SchedulerEnabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    /// <summary>A short wait after start, so start-up work (migrations, PDF warm-up) comes first.</summary>
    public int FirstRunDelaySeconds { get; set; } = 30;
}

/// <summary>Runs <see cref="ReminderService"/> periodically. Safe with several instances: see the service.</summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger)
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
            var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(clock.GetUtcNow().UtcDateTime, ct);
            if (run.Sent + run.NoRecipient + run.Failed > 0)
                logger.LogInformation("Payment reminders: {Sent} sent, {NoRecipient} without recipient, {Failed} failed", run.Sent, run.NoRecipient, run.Failed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Payment reminder run failed");
        }
    }
}
