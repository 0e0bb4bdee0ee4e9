using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Matters;

/// <summary>A party as the stepper and the "Edit parties" dialog hold it: who, in which role, active on this matter, shared on the portal.</summary>
public sealed record PartyInput(long ClientId, PartyRole Role, bool IsActive = true, bool SharedOnPortal = false);

/// <summary>What the creation stepper collects (MAT-1): 1 details, 2 parties, 3 intervenants.</summary>
public sealed class MatterForm
{
    public string Title { get; set; } = string.Empty;
    public string ResponsibleUserId { get; set; } = string.Empty;
    public List<PartyInput> Parties { get; set; } = [];
    public List<string> IntervenantIds { get; set; } = [];

    /// <summary>The rules that need no database; the service adds the ones that do (users and clients exist).</summary>
    public void Check(FieldErrors errors)
    {
        var title = (Title ?? string.Empty).Trim();
        if (title.Length == 0) errors.Add(nameof(Title), "Error.Required");
        else if (title.Length > Matter.TitleMax) errors.Add(nameof(Title), $"Error.TooLong|{Matter.TitleMax}");
        if (string.IsNullOrWhiteSpace(ResponsibleUserId)) errors.Add(nameof(ResponsibleUserId), "Error.Required");
        CheckParties(Parties, errors);
    }

    /// <summary>At least one client, nobody twice (the same rules for the creation's step 2 and the "Edit parties" dialog).</summary>
    public static void CheckParties(IReadOnlyCollection<PartyInput> parties, FieldErrors errors)
    {
        if (!parties.Any(p => p.Role == PartyRole.Client)) errors.Add(nameof(Parties), "Error.MatterNeedsClient");
        else if (parties.GroupBy(p => p.ClientId).Any(g => g.Count() > 1)) errors.Add(nameof(Parties), "Error.MatterPartyTwice");
        else if (parties.Any(p => !Enum.IsDefined(p.Role))) errors.Add(nameof(Parties), "Error.MatterPartyRole");
    }
}

/// <summary>The matter's title and responsible user, corrected after creation.</summary>
public sealed class MatterDetailsForm
{
    public string Title { get; set; } = string.Empty;
    public string ResponsibleUserId { get; set; } = string.Empty;

    public void Check(FieldErrors errors)
    {
        var title = (Title ?? string.Empty).Trim();
        if (title.Length == 0) errors.Add(nameof(Title), "Error.Required");
        else if (title.Length > Matter.TitleMax) errors.Add(nameof(Title), $"Error.TooLong|{Matter.TitleMax}");
        if (string.IsNullOrWhiteSpace(ResponsibleUserId)) errors.Add(nameof(ResponsibleUserId), "Error.Required");
    }
}
