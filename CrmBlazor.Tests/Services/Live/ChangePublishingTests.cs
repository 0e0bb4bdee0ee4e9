using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Users;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Live;

/// <summary>
/// Every change reaches open pages through the feed (DIR-8), only after it is committed: each probe
/// reads the database with its own context while the change is being delivered.
/// </summary>
public class ChangePublishingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_creating_and_editing_a_client_publish_after_commit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var clients = host.Get<ClientService>();
        var seen = new List<(string City, int History)>();
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            await using var db = host.Db();
            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == change.Id);
            seen.Add((client.City, await db.History.CountAsync(h => h.ClientId == change.Id)));
        });
        host.Actor.Current = TestActor.Office;

        var id = await clients.CreateAsync(ClientBuilder.Company(change: f => f.City = "Gijón"));
        await clients.UpdateAsync(id, ClientBuilder.Company(change: f => f.City = "Oviedo"), 1);

        Assert.Equal([new Change(Topics.Client, id, "office-1", id), new Change(Topics.Client, id, "office-1", id)], feed.Changes);
        Assert.Equal([("Gijón", 1), ("Oviedo", 2)], seen);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_a_comment_and_a_link_publish_after_commit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        var person = await host.CreateAsync(ClientBuilder.Person());
        var committed = new List<bool>();
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            await using var db = host.Db();
            committed.Add(change.Topic == Topics.History
                ? await db.History.AnyAsync(h => h.Id == change.Id && h.Kind == HistoryKind.Comment)
                : await db.ContactLinks.AnyAsync(l => l.CompanyId == company && l.PersonId == person));
        });

        var comment = await host.Get<HistoryService>().AddCommentAsync(company, "Visited");
        await host.Get<ContactLinkService>().LinkAsync(company, person, "Buyer");

        Assert.Equal(
        [
            new Change(Topics.History, comment, "admin-1", company),
            new Change(Topics.Client, company, "admin-1", company),
            new Change(Topics.Client, person, "admin-1", person),
        ], feed.Changes);
        Assert.Equal([true, true, true], committed);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_saved_filter_and_user_changes_are_published_after_commit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();
        var stored = new List<int>();
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            await using var db = host.Db();
            stored.Add(change.Topic == Topics.User ? await db.Users.CountAsync() : await db.SavedFilters.CountAsync());
        });

        var id = await filters.SaveAsync(ClientKind.Company, "Inactive", ClientFilter.Parse(["active.eq.no"]), shared: true);
        await filters.DeleteAsync(id);
        await host.Get<UserAdminService>().InviteAsync(new NewUser("new@example.com", "New User", StaffRoles.Sales, ProfileRights.None, "0123456789"));

        Assert.Equal([new Change(Topics.SavedFilter, id, "admin-1"), new Change(Topics.SavedFilter, id, "admin-1"), new Change(Topics.User, null, "admin-1")],
            feed.Changes);
        Assert.Equal([1, 0, 1], stored);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_a_refused_or_lost_save_publishes_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (clients, links) = (host.Get<ClientService>(), host.Get<ContactLinkService>());
        var company = await host.CreateAsync(ClientBuilder.Company());
        var person = await host.CreateAsync(ClientBuilder.Person(change: f => f.Email = "taken@example.com"));
        await clients.UpdateAsync(company, ClientBuilder.Company("Renamed"), 1);
        using var feed = new FeedRecorder(host.Feed);

        await Assert.ThrowsAsync<ValidationFailedException>(() => clients.CreateAsync(ClientBuilder.Company("")));
        await Assert.ThrowsAsync<ValidationFailedException>(() => clients.CreateAsync(ClientBuilder.Person(change: f => f.Email = "TAKEN@example.com")));
        await Assert.ThrowsAsync<ValidationFailedException>(() => clients.UpdateAsync(company, ClientBuilder.Company(change: f => f.Language = "xx"), 2));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => clients.UpdateAsync(company, ClientBuilder.Company("Stale"), 1));
        await Assert.ThrowsAsync<ValidationFailedException>(() => host.Get<HistoryService>().AddCommentAsync(company, " "));
        await Assert.ThrowsAsync<DomainException>(() => links.MakePrimaryAsync(company, person));
        await Assert.ThrowsAsync<ValidationFailedException>(() => links.LinkAsync(company, person, new string('x', 500)));
        await clients.UpdateAsync(company, ClientBuilder.Company("Renamed", f => f.Email = ""), 2);
        Assert.Single(feed.Changes);
        await clients.UpdateAsync(company, ClientBuilder.Company("Renamed", f => f.Email = ""), 3);

        Assert.Single(feed.Changes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_a_page_whose_handler_throws_neither_fails_the_save_nor_stops_delivery_to_the_others(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        using var broken = host.Feed.Subscribe(_ => throw new ObjectDisposedException("circuit"));
        using var faulted = host.Feed.Subscribe(async _ => { await Task.Yield(); throw new InvalidOperationException("render"); });
        using var feed = new FeedRecorder(host.Feed);

        var id = await host.CreateAsync(ClientBuilder.Company());

        Assert.Equal(id, Assert.Single(feed.Changes).Id);
        Assert.Equal(1, (await host.CountsAsync()).Clients);
    }
}
