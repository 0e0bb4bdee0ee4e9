namespace CrmBlazor.Domain.Clients;

/// <summary>A person working at a company, with a position (DIR-1). One link per company is primary (CON-2).</summary>
public class ContactLink
{
    public long Id { get; private set; }
    public long CompanyId { get; private set; }
    public long PersonId { get; private set; }
    public string Position { get; private set; } = string.Empty;
    public bool IsPrimary { get; internal set; }

    public Client Company { get; private set; } = null!;
    public Client Person { get; private set; } = null!;

    private ContactLink() { }

    internal ContactLink(Client company, Client person, string position, bool isPrimary)
    {
        Company = company;
        Person = person;
        CompanyId = company.Id;
        PersonId = person.Id;
        Position = position;
        IsPrimary = isPrimary;
    }

    internal void ChangePosition(string position) => Position = position;
}
