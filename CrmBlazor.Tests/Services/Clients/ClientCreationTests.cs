using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

public class ClientCreationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_1_companies_and_persons_are_both_clients(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();

        var companyId = await clients.CreateAsync(ClientBuilder.Company("Chantier Naval Dupont"));
        var personId = await clients.CreateAsync(ClientBuilder.Person("Jan", "Kowalski"));

        var company = await clients.GetAsync(companyId);
        var person = await clients.GetAsync(personId);
        Assert.Equal(ClientKind.Company, company!.Kind);
        Assert.Equal("Chantier Naval Dupont", company.Name);
        Assert.Equal(ClientKind.Person, person!.Kind);
        Assert.Equal("Jan Kowalski", person.Name);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_2_a_client_without_any_role_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var form = ClientBuilder.Company(change: f => { f.IsCustomer = false; f.IsSupplier = false; });

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<ClientService>().CreateAsync(form));

        Assert.Equal("Error.RoleRequired", error.Errors[nameof(ClientForm.IsCustomer)]);
        await using var db = host.Db();
        Assert.Empty(db.Clients);
        Assert.Empty(db.History);
    }
}
