using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Hosting.Health;

/// <summary>Degraded, then Unhealthy, when the oldest email not sent yet has waited longer than the thresholds.</summary>
public sealed class OutboxHealthCheck(CrmDbContextFactory dbs, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        OutboxBacklog.Oldest? oldest;
        try
        {
            oldest = await OutboxBacklog.OldestUnsentAsync(dbs, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the outbox cannot be read ({ex.GetType().Name})");
        }
        if (oldest is null) return HealthCheckResult.Healthy("no email waiting");
        var age = clock.GetUtcNow().UtcDateTime - oldest.QueuedAt;
        var waiting = oldest.Waiting >= RowReadGuard.Limit ? $"{RowReadGuard.Limit} or more" : oldest.Waiting.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var description = $"{waiting} email(s) waiting, the oldest queued {Minutes(age)} min ago";
        var limits = options.Value;
        if (age > limits.OutboxUnhealthyAfter) return HealthCheckResult.Unhealthy($"{description} (unhealthy after {Minutes(limits.OutboxUnhealthyAfter)} min)");
        if (age > limits.OutboxDegradedAfter) return HealthCheckResult.Degraded($"{description} (degraded after {Minutes(limits.OutboxDegradedAfter)} min)");
        return HealthCheckResult.Healthy(description);
    }

    private static long Minutes(TimeSpan span) => (long)Math.Max(0, span.TotalMinutes);
}
