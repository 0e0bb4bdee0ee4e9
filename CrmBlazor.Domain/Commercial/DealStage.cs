namespace CrmBlazor.Domain.Commercial;

/// <summary>The columns of the deals board, in order (COM-4).</summary>
public enum DealStage
{
    Lead = 0,
    Qualified = 1,
    Proposal = 2,
    Negotiation = 3,
    Won = 4,
    Lost = 5,
}
