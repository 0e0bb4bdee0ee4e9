namespace CrmBlazor.Domain.Matters;

/// <summary>A user allowed to record activities on a matter (MAT-1, MAT-14).</summary>
public class MatterIntervenant
{
    public long MatterId { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public DateTime AddedAt { get; private set; }

    private MatterIntervenant() { }

    internal static MatterIntervenant Create(string userId, DateTime now) => new() { UserId = userId, AddedAt = now };
}
