using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.History;

namespace CrmBlazor.Domain.Matters;

public enum MatterFilter
{
    Open = 0,
    Closed = 1,
    All = 2,
}

/// <summary>A page of the matters list: newest number first, keyset paged by number.</summary>
public sealed record MatterListRequest(string? Search = null, MatterFilter Filter = MatterFilter.Open, string? After = null, int PageSize = 25);

public sealed record MatterRow(long Id, string Number, string Title, string ResponsibleName, MatterStatus Status, bool Blocked,
    IReadOnlyList<string> Clients, DateTime CreatedAt);

public sealed record MatterPage(IReadOnlyList<MatterRow> Rows, string? Next);

/// <summary>A party on the matter page: the client's own name, kind and status, and its flags on this matter.</summary>
/// <param name="UnbilledActivities">Clients only: unbilled billable activities attributed to it or common to the matter (MAT-4).</param>
public sealed record PartyView(long ClientId, string Name, ClientKind Kind, ClientStatus ClientStatus, PartyRole Role, bool IsActive,
    bool SharedOnPortal, int UnbilledActivities)
{
    public PartyInput ToInput() => new(ClientId, Role, IsActive, SharedOnPortal);
}

public sealed record IntervenantView(string UserId, string Name);

public sealed record MatterDetail(long Id, string Number, string Title, string ResponsibleUserId, string ResponsibleName, string Currency,
    MatterStatus Status, DateTime CreatedAt, long Version, bool Blocked, IReadOnlyList<PartyView> Parties,
    IReadOnlyList<IntervenantView> Intervenants, int Activities);


/// <summary>A matter on a client's page, with that client's role and flag on it.</summary>
public sealed record ClientMatterRow(long MatterId, string Number, string Title, MatterStatus Status, PartyRole Role, bool IsActive, bool Blocked);

/// <summary>What deleting a matter would take with it (MAT-12), and whether it may be deleted at all.</summary>
public sealed record MatterDeletionStakes(int Activities, int BilledActivities, bool MayDelete);

/// <summary>A staff user for the responsible and intervenant pickers.</summary>
public sealed record StaffUserOption(string Id, string Name);
