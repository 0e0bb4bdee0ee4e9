namespace CrmBlazor.Domain.Commercial;

/// <summary>What kind of commercial action a follow-up is (COM-1).</summary>
public enum FollowUpKind
{
    Call = 0,
    Visit = 1,
    Email = 2,
    Meeting = 3,
}
