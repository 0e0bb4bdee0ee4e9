namespace CrmBlazor.Hosting.Health;

/// <summary>"Health" in the configuration: when the outbox backlog makes /health/ready Degraded or Unhealthy.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    public TimeSpan OutboxDegradedAfter { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan OutboxUnhealthyAfter { get; set; } = TimeSpan.FromHours(1);
}
