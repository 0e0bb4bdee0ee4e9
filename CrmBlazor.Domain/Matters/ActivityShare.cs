namespace CrmBlazor.Domain.Matters;

/// <summary>
/// One client's part of a common activity, in minor units. The parts of an activity always add up to its amount
/// (MAT-8). Unbilled parts are recomputed whenever the matter's split or its active clients change (MAT-6, MAT-7);
/// billed ones are frozen.
/// </summary>
public class ActivityShare
{
    public long ActivityId { get; private set; }
    public long ClientId { get; private set; }
    public long AmountMinor { get; private set; }

    private ActivityShare() { }
}
