namespace CrmBlazor.Domain.Demo;

/// <summary>The "Demo" section of appsettings.json. Whether to seed at all: StartupTasks.SeedsDemoData (Development unless set).</summary>
public sealed class DemoOptions
{
    public bool SeedOnFirstStart { get; set; }
    public int Companies { get; set; } = 300;
    public int Persons { get; set; } = 400;
    public int Seed { get; set; } = 20261126;

    /// <summary>Share of clients created inactive, so "Active equals No" has something to find.</summary>
    public double InactiveShare { get; set; } = 0.15;
}
