using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>The service layer itself refuses callers who are not signed-in staff, whatever the UI shows (NF-2).</summary>
public class ClientAuthorisationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_without_a_staff_role_every_client_and_history_call_is_refused_and_nothing_changes(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (clients, directory, links, history) =
            (host.Get<ClientService>(), host.Get<ClientDirectory>(), host.Get<ContactLinkService>(), host.Get<HistoryService>());
        var company = await host.CreateAsync(ClientBuilder.Company());
        var person = await host.CreateAsync(ClientBuilder.Person());
        var before = await host.CountsAsync();
        var nobody = new Actor("user-9", "Signed in, no role", new HashSet<string>(), ProfileRights.All);

        var calls = new Dictionary<string, Func<Task>>
        {
            ["get"] = () => clients.GetAsync(company),
            ["create"] = () => clients.CreateAsync(ClientBuilder.Company("Intruder")),
            ["update"] = () => clients.UpdateAsync(company, ClientBuilder.Company("Intruder"), 1),
            ["notifications"] = () => clients.SetNotificationsAsync(person, new ContactNotifications(), 1),
            ["list"] = () => directory.ListAsync(new ClientListRequest(ClientKind.Company)),
            ["pick"] = () => directory.PickAsync("a"),
            ["export"] = () => host.Get<ClientCsvExporter>().WriteAsync(new ClientListRequest(ClientKind.Company, Filter: ClientFilter.None), TextWriter.Null),
            ["link"] = () => links.LinkAsync(company, person, ""),
            ["history"] = () => history.ListAsync(company),
            ["comment"] = () => history.AddCommentAsync(company, "hello"),
        };
        foreach (var actor in new[] { Actor.Anonymous, nobody })
        {
            host.Actor.Current = actor;
            foreach (var (name, call) in calls)
            {
                var error = await Record.ExceptionAsync(call);
                Assert.True(error is NotAllowedException, $"{name} as '{actor.Name}': {error?.GetType().Name ?? "allowed"}");
            }
        }

        host.Actor.Current = TestActor.Sales;
        Assert.Equal(before, await host.CountsAsync());
        Assert.Equal(1, (await clients.GetAsync(company))!.Version);
    }
}
