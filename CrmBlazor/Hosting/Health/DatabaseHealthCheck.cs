using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmBlazor.Hosting.Health;

/// <summary>Ready when the configured database answers and every migration of this build is applied.</summary>
public sealed class DatabaseHealthCheck(CrmDbContextFactory dbs, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = dbs.CreateDbContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{dbs.Provider} reachable, migrations applied")
                : HealthCheckResult.Unhealthy($"{dbs.Provider} reachable, {pending.Count} migration(s) not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The response is anonymous: the reason goes to the log, only the kind of failure to the caller.
            logger.LogWarning(ex, "Readiness: the database cannot be reached");
            return HealthCheckResult.Unhealthy($"{dbs.Provider} cannot be reached ({ex.GetType().Name})");
        }
    }
}
