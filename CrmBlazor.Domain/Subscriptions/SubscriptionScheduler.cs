using CrmBlazor.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Domain.Subscriptions;

/// <summary>"Subscriptions" in appsettings.json: how often due periods are invoiced.</summary>
public sealed class SubscriptionOptions : PeriodicJobOptions
{
    public const string Section = "Subscriptions";

    public SubscriptionOptions() => FirstRunDelaySeconds = 45;
}

/// <summary>Runs <see cref="SubscriptionBilling"/> periodically. Safe with several instances: see the billing.</summary>
public sealed class SubscriptionScheduler(IServiceScopeFactory scopes, IOptions<SubscriptionOptions> options, TimeProvider clock, ILogger<SubscriptionScheduler> logger)
    : PeriodicJob(scopes, options.Value, clock, logger)
{
    protected override string Name => "Subscription billing";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTime utcNow, CancellationToken ct)
    {
        var run = await services.GetRequiredService<SubscriptionBilling>().RunAsync(utcNow, ct);
        if (run.Invoiced + run.Queued + run.Failed > 0)
            logger.LogInformation("Subscriptions: {Invoiced} invoiced, {Queued} emails queued, {Failed} failed", run.Invoiced, run.Queued, run.Failed);
    }
}
