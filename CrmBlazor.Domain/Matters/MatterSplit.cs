namespace CrmBlazor.Domain.Matters;

/// <summary>
/// A client's percentage of a matter's common activities, in basis points (1 % = 100). The rows of a matter cover
/// exactly its active clients and add up to 10,000 (MAT-8).
/// </summary>
public class MatterSplit
{
    public const int Whole = 10_000;

    public long MatterId { get; private set; }
    public long ClientId { get; private set; }
    public int BasisPoints { get; private set; }

    private MatterSplit() { }

    internal static MatterSplit For(long matterId, long clientId, int basisPoints) =>
        new() { MatterId = matterId, ClientId = clientId, BasisPoints = basisPoints };
}
