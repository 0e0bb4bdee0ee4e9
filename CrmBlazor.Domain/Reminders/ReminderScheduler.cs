using CrmBlazor.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Reminders;

/// <summary>"Reminders" in appsettings.json: how often the scheduler looks for overdue invoices.</summary>
public sealed class ReminderOptions : PeriodicJobOptions
{
    public const string Section = "Reminders";

    public ReminderOptions() => FirstRunDelaySeconds = 30;
}

/// <summary>Runs <see cref="ReminderService"/> periodically. Safe with several instances: see the service.</summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger)
    : PeriodicJob(scopes, options.Value, clock, logger)
{
    protected override string Name => "Payment reminder";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTime utcNow, CancellationToken ct)
    {
        var run = await services.GetRequiredService<ReminderService>().RunAsync(utcNow, ct);
        if (run.Sent + run.NoRecipient + run.Failed > 0)
            logger.LogInformation("Payment reminders: {Sent} sent, {NoRecipient} without recipient, {Failed} failed", run.Sent, run.NoRecipient, run.Failed);
    }
}
