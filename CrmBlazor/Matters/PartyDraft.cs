using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Matters;

namespace CrmBlazor.Matters;

/// <summary>A party being edited in the stepper's step 2 or the "Edit parties" dialog, with what is shown of its client.</summary>
public sealed class PartyDraft
{
    public long ClientId { get; init; }
    public string Name { get; init; } = string.Empty;
    public ClientKind Kind { get; init; }
    public ClientStatus ClientStatus { get; init; }
    public PartyRole Role { get; init; }
    public bool IsActive { get; set; } = true;
    public bool SharedOnPortal { get; set; }
    public int UnbilledActivities { get; init; }

    public bool IsClient => Role == PartyRole.Client;

    public PartyInput ToInput() => new(ClientId, Role, IsActive, SharedOnPortal);

    public static PartyDraft From(PartyView p) => new()
    {
        ClientId = p.ClientId, Name = p.Name, Kind = p.Kind, ClientStatus = p.ClientStatus, Role = p.Role,
        IsActive = p.IsActive, SharedOnPortal = p.SharedOnPortal, UnbilledActivities = p.UnbilledActivities,
    };
}
