using CrmBlazor.Domain.Common;

namespace CrmBlazor.Domain.Matters;

public enum MatterStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// A case or job worked for one or several clients (MAT-1): its parties, the users allowed to record activities on
/// it (intervenants), and the activities themselves. Whether a client is active here is the party's own flag,
/// independent of the client's status and of other matters (MAT-2).
/// </summary>
public class Matter
{
    public const int TitleMax = 200;
    public const int NumberMax = 30;

    private readonly List<MatterParty> _parties = [];
    private readonly List<MatterIntervenant> _intervenants = [];

    public long Id { get; private set; }
    /// <summary>Given at creation, unique: e.g. "2026-0001".</summary>
    public string Number { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string ResponsibleUserId { get; private set; } = string.Empty;
    /// <summary>Money of its activities and proformas (ISO 4217), taken from the organisation's default at creation.</summary>
    public string Currency { get; private set; } = "EUR";
    public MatterStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Concurrency token: bumped by every change to the matter or its parties.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<MatterParty> Parties => _parties;
    public IReadOnlyList<MatterIntervenant> Intervenants => _intervenants;

    private Matter() { }

    /// <summary>A new open matter; the responsible user is always one of its intervenants. Input is already validated (<see cref="MatterForm"/>).</summary>
    public static Matter Create(string number, string title, string responsibleUserId, string currency,
        IEnumerable<PartyInput> parties, IEnumerable<string> intervenantIds, DateTime now)
    {
        var matter = new Matter
        {
            Number = number, Title = title.Trim(), ResponsibleUserId = responsibleUserId, Currency = currency,
            Status = MatterStatus.Open, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        foreach (var p in parties) matter.AddParty(p.ClientId, p.Role, p.IsActive, p.SharedOnPortal, now);
        foreach (var userId in intervenantIds.Append(responsibleUserId).Distinct(StringComparer.Ordinal)) matter.AddIntervenant(userId, now);
        matter.EnsureHasClient();
        return matter;
    }

    public bool HasClient => _parties.Any(p => p.IsClient);

    /// <summary>No client is active on it: no new activity, proforma or split (MAT-5).</summary>
    public bool IsBlocked => MatterBlocking.IsBlocked(_parties.Select(p => (p.Role, p.IsActive)));

    public MatterParty? Party(long clientId) => _parties.FirstOrDefault(p => p.ClientId == clientId);

    public MatterParty AddParty(long clientId, PartyRole role, bool isActive, bool sharedOnPortal, DateTime now)
    {
        if (Party(clientId) is not null) throw new DomainException("Error.MatterPartyTwice");
        var party = MatterParty.Create(clientId, role, isActive, sharedOnPortal, now);
        _parties.Add(party);
        Touch(now);
        return party;
    }

    /// <summary>Takes a party off the matter. Several changes may be made in a row; <see cref="EnsureHasClient"/> checks the result.</summary>
    public MatterParty RemoveParty(long clientId, DateTime now)
    {
        var party = Party(clientId) ?? throw new DomainException("Error.MatterPartyNotFound");
        _parties.Remove(party);
        Touch(now);
        return party;
    }

    /// <summary>A matter is always for at least one client (MAT-1): the last one cannot go.</summary>
    public void EnsureHasClient()
    {
        if (!HasClient) throw ValidationFailedException.For(nameof(MatterForm.Parties), "Error.MatterNeedsClient");
    }

    /// <summary>Active or inactive on this matter only (MAT-2); returns false when nothing changed.</summary>
    public bool SetPartyActive(long clientId, bool active, DateTime now)
    {
        var party = Party(clientId) ?? throw new DomainException("Error.MatterPartyNotFound");
        if (party.IsActive == active) return false;
        party.SetActive(active);
        Touch(now);
        return true;
    }

    public bool SetPartySharing(long clientId, bool shared, DateTime now)
    {
        var party = Party(clientId) ?? throw new DomainException("Error.MatterPartyNotFound");
        if (party.SharedOnPortal == shared) return false;
        party.SetSharing(shared);
        Touch(now);
        return true;
    }

    /// <summary>A new title and responsible user (already validated); the responsible becomes an intervenant if not yet one.</summary>
    public bool ChangeDetails(string title, string responsibleUserId, DateTime now)
    {
        title = title.Trim();
        if (Title == title && ResponsibleUserId == responsibleUserId) return false;
        Title = title;
        ResponsibleUserId = responsibleUserId;
        AddIntervenant(responsibleUserId, now);
        Touch(now);
        return true;
    }

    /// <summary>Closes (files away) or reopens the matter; false when it already has that status.</summary>
    public bool SetStatus(MatterStatus status, DateTime now)
    {
        if (Status == status) return false;
        Status = status;
        Touch(now);
        return true;
    }

    public bool IsIntervenant(string userId) => _intervenants.Any(i => i.UserId == userId);

    public bool AddIntervenant(string userId, DateTime now)
    {
        if (IsIntervenant(userId)) return false;
        _intervenants.Add(MatterIntervenant.Create(userId, now));
        Touch(now);
        return true;
    }

    public bool RemoveIntervenant(string userId, DateTime now)
    {
        if (userId == ResponsibleUserId) throw new DomainException("Error.MatterResponsibleStays");
        var intervenant = _intervenants.FirstOrDefault(i => i.UserId == userId);
        if (intervenant is null) return false;
        _intervenants.Remove(intervenant);
        Touch(now);
        return true;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        if (Id != 0) Version++;
    }
}
