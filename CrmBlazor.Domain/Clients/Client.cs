using CrmBlazor.Domain.Common;
using SearchText_ = CrmBlazor.Domain.Common.SearchText;

namespace CrmBlazor.Domain.Clients;

/// <summary>
/// A customer or supplier record: a company or a person (DIR-1). Optional text fields are stored as
/// empty strings, never null, so that sorting and keyset paging need no null handling.
/// </summary>
public class Client
{
    private readonly List<ContactLink> _contacts = [];
    private readonly List<ContactLink> _companies = [];

    public long Id { get; private set; }
    public ClientKind Kind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string FirstName { get; private set; } = string.Empty;
    public string LastName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public string Phone { get; private set; } = string.Empty;
    public string VatId { get; private set; } = string.Empty;
    public string Street { get; private set; } = string.Empty;
    public string PostalCode { get; private set; } = string.Empty;
    public string City { get; private set; } = string.Empty;
    public string Country { get; private set; } = string.Empty;
    public bool IsCustomer { get; private set; }
    public bool IsSupplier { get; private set; }
    public string Language { get; private set; } = "en";
    public string Currency { get; private set; } = "EUR";
    public ClientStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Bumped on every save: a second editor working from an older version is told (optimistic concurrency).</summary>
    public long Version { get; private set; }

    /// <summary>Folded name for ordering: "last first" for persons.</summary>
    public string SortKey { get; private set; } = string.Empty;

    /// <summary>Folded name, email, phone, VAT id and city: one column for "contains" search.</summary>
    public string SearchText { get; private set; } = string.Empty;

    /// <summary>Lower-cased email; unique among persons, whose email becomes the portal login (CON-1).</summary>
    public string EmailLower { get; private set; } = string.Empty;

    /// <summary>Folded copies of the filterable texts, so filters ignore case and accents on both databases.</summary>
    public string NameFolded { get; private set; } = string.Empty;
    public string CityFolded { get; private set; } = string.Empty;
    public string CountryFolded { get; private set; } = string.Empty;

    public ContactNotifications Notifications { get; private set; } = new();

    /// <summary>For a company: the persons linked to it.</summary>
    public IReadOnlyList<ContactLink> Contacts => _contacts;

    /// <summary>For a person: the companies it works at.</summary>
    public IReadOnlyList<ContactLink> Companies => _companies;

    private Client() { }

    public static Client Create(ClientForm form, DateTime now)
    {
        form.Validate();
        var client = new Client { Kind = form.Kind, Status = ClientStatus.Active, CreatedAt = now, UpdatedAt = now, Version = 1 };
        client.Apply(form);
        return client;
    }

    /// <summary>Applies an edit and returns what changed, field by field, for the history.</summary>
    public IReadOnlyList<FieldChange> Update(ClientForm form, DateTime now)
    {
        if (form.Kind != Kind) throw new DomainException("Error.KindCannotChange", nameof(ClientForm.Kind));
        form.Validate();
        var before = ClientForm.From(this);
        Apply(form);
        var changes = FieldChange.Between(before, ClientForm.From(this));
        if (changes.Count > 0)
        {
            UpdatedAt = now;
            Version++;
        }
        return changes;
    }

    public void SetNotifications(ContactNotifications notifications, DateTime now)
    {
        if (Kind != ClientKind.Person) throw new DomainException("Error.OnlyPersonsHaveNotifications");
        Notifications = notifications.Copy();
        Touch(now);
    }

    /// <summary>Makes an active client inactive; it stays in the lists, marked (DIR-5).</summary>
    public void Deactivate(DateTime now)
    {
        if (Status != ClientStatus.Active) throw new DomainException("Error.ClientNotActive");
        Status = ClientStatus.Inactive;
        Touch(now);
    }

    /// <summary>Makes an inactive client active again (DEA-6); an archived one comes back through the Archive only.</summary>
    public void Reactivate(DateTime now)
    {
        if (Status != ClientStatus.Inactive) throw new DomainException("Error.ClientNotInactive");
        Status = ClientStatus.Active;
        Touch(now);
    }

    /// <summary>Marks the record as changed so a concurrent editor is told.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Links a person to this company. The company's first contact becomes its primary one (CON-2).
    /// </summary>
    public ContactLink LinkPerson(Client person, string position)
    {
        if (Kind != ClientKind.Company || person.Kind != ClientKind.Person)
            throw new DomainException("Error.LinkNeedsCompanyAndPerson");
        position = position.Trim();
        if (position.Length > ClientForm.ShortMax)
            throw ValidationFailedException.For("Position", $"Error.TooLong|{ClientForm.ShortMax}");
        if (_contacts.Any(l => l.PersonId == person.Id && person.Id != 0))
            throw new DomainException("Error.AlreadyLinked", "Person");
        var link = new ContactLink(this, person, position, isPrimary: _contacts.Count == 0);
        _contacts.Add(link);
        return link;
    }

    /// <summary>Makes one linked person the primary contact; the primary flag moves, it is never unset.</summary>
    public void MakePrimary(long personId)
    {
        var target = _contacts.SingleOrDefault(l => l.PersonId == personId)
            ?? throw new DomainException("Error.NotLinked");
        foreach (var link in _contacts) link.IsPrimary = link == target;
    }

    /// <summary>Removes a link; when it was the primary one, the longest-standing remaining contact becomes primary.</summary>
    public ContactLink Unlink(long personId)
    {
        var link = _contacts.SingleOrDefault(l => l.PersonId == personId)
            ?? throw new DomainException("Error.NotLinked");
        _contacts.Remove(link);
        if (link.IsPrimary && _contacts.Count > 0)
            _contacts.OrderBy(l => l.Id).First().IsPrimary = true;
        return link;
    }

    public void ChangePosition(long personId, string position)
    {
        var link = _contacts.SingleOrDefault(l => l.PersonId == personId)
            ?? throw new DomainException("Error.NotLinked");
        position = position.Trim();
        if (position.Length > ClientForm.ShortMax)
            throw ValidationFailedException.For("Position", $"Error.TooLong|{ClientForm.ShortMax}");
        link.ChangePosition(position);
    }

    private void Apply(ClientForm form)
    {
        FirstName = Kind == ClientKind.Person ? form.FirstName.Trim() : string.Empty;
        LastName = Kind == ClientKind.Person ? form.LastName.Trim() : string.Empty;
        Name = Kind == ClientKind.Company ? form.CompanyName.Trim() : $"{FirstName} {LastName}";
        Email = form.Email.Trim();
        Phone = form.Phone.Trim();
        VatId = form.VatId.Trim();
        Street = form.Street.Trim();
        PostalCode = form.PostalCode.Trim();
        City = form.City.Trim();
        Country = form.Country.Trim();
        IsCustomer = form.IsCustomer;
        IsSupplier = form.IsSupplier;
        Language = form.Language;
        Currency = form.Currency;
        EmailLower = Email.ToLowerInvariant();
        NameFolded = SearchText_.Fold(Name);
        CityFolded = SearchText_.Fold(City);
        CountryFolded = SearchText_.Fold(Country);
        SortKey = SearchText_.Fold(Kind == ClientKind.Person ? $"{LastName} {FirstName}" : Name);
        SearchText = string.Join(' ', new[]
        {
            NameFolded, EmailLower, SearchText_.Fold(Phone), SearchText_.DigitsOnly(Phone),
            SearchText_.Fold(VatId), CityFolded,
        }.Where(s => s.Length > 0));
    }
}
