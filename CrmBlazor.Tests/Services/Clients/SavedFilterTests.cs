using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Clients;

/// <summary>Filters saved by name, private to their owner or shared with all staff (DIR-4).</summary>
public class SavedFilterTests
{
    private static readonly ClientFilter Inactive = ClientFilter.Parse(["active.eq.no"]);
    private static readonly ClientFilter PolishSuppliers = ClientFilter.Parse(["role.eq.supplier", "country.eq.polska", "email.contains.a.b@x.pl"]);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_a_private_filter_is_seen_only_by_its_owner_and_a_shared_one_by_everybody(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();
        host.Actor.Current = TestActor.Office;
        await filters.SaveAsync(ClientKind.Company, "My inactive", Inactive, shared: false);
        await filters.SaveAsync(ClientKind.Company, "Polish suppliers", PolishSuppliers, shared: true);
        await filters.SaveAsync(ClientKind.Person, "People inactive", Inactive, shared: true);

        var mine = await filters.ListAsync(ClientKind.Company);
        Assert.Equal([("My inactive", false, true), ("Polish suppliers", true, true)], mine.Select(f => (f.Name, f.IsShared, f.IsMine)));

        host.Actor.Current = TestActor.Sales;
        var theirs = await filters.ListAsync(ClientKind.Company);
        var shared = Assert.Single(theirs);
        Assert.Equal(("Polish suppliers", true, false), (shared.Name, shared.IsShared, shared.IsMine));
        Assert.Equal(PolishSuppliers.Rules, ClientFilter.FromStored(shared.Query).Rules);
        Assert.Equal("People inactive", Assert.Single(await filters.ListAsync(ClientKind.Person)).Name);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_saving_under_a_name_already_used_replaces_only_the_users_own_filter(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();
        host.Actor.Current = TestActor.Office;
        await filters.SaveAsync(ClientKind.Company, "Watch list", Inactive, shared: true);
        host.Actor.Current = TestActor.Sales;
        await filters.SaveAsync(ClientKind.Company, "Watch list", Inactive, shared: false);

        await filters.SaveAsync(ClientKind.Company, "  Watch list ", PolishSuppliers, shared: true);

        var seen = await filters.ListAsync(ClientKind.Company);
        Assert.Equal(2, seen.Count);
        Assert.Equal(PolishSuppliers.ToStored(), seen.Single(f => f.IsMine).Query);
        Assert.True(seen.Single(f => f.IsMine).IsShared);
        Assert.Equal(Inactive.ToStored(), seen.Single(f => !f.IsMine).Query);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_only_the_owner_deletes_a_filter_even_a_shared_one(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();
        host.Actor.Current = TestActor.Office;
        var id = await filters.SaveAsync(ClientKind.Company, "Shared", Inactive, shared: true);

        foreach (var other in new[] { TestActor.Sales, TestActor.Admin })
        {
            host.Actor.Current = other;
            await Assert.ThrowsAsync<NotAllowedException>(() => filters.DeleteAsync(id));
            Assert.Single(await filters.ListAsync(ClientKind.Company));
        }

        host.Actor.Current = TestActor.Office;
        await filters.DeleteAsync(id);
        Assert.Empty(await filters.ListAsync(ClientKind.Company));
        await Expect.RefusedAsync(() => filters.DeleteAsync(id), "Error.FilterNotFound");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_the_largest_filter_the_builder_allows_is_saved_whole_and_read_back(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();
        var longest = FilterFields.All.Where(f => f.Type == FilterValueType.Text)
            .SelectMany(f => f.Operators.Where(op => op.NeedsValue()).Select(op => $"{f.Key}.{op.Token()}."))
            .MaxBy(prefix => prefix.Length)!;
        var value = new string('ż', FilterRule.ValueMax);
        var filter = ClientFilter.Parse(Enumerable.Range(0, ClientFilter.MaxRules).Select(_ => longest + value));

        await filters.SaveAsync(ClientKind.Company, new string('n', SavedFilterService.NameMax), filter, shared: true);

        var saved = Assert.Single(await filters.ListAsync(ClientKind.Company));
        Assert.Equal(filter.Rules, ClientFilter.FromStored(saved.Query).Rules);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_4_a_filter_needs_a_name_of_reasonable_length_and_at_least_one_rule(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var filters = host.Get<SavedFilterService>();

        await Expect.FieldErrorAsync(() => filters.SaveAsync(ClientKind.Company, "   ", Inactive, false), "FilterName", "Error.Required");
        await Expect.FieldErrorAsync(() => filters.SaveAsync(ClientKind.Company, new string('n', 101), Inactive, false), "FilterName", "Error.TooLong|100");
        await Expect.FieldErrorAsync(() => filters.SaveAsync(ClientKind.Company, "Empty", ClientFilter.None, false), "FilterName", "Error.FilterEmpty");
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => filters.SaveAsync(ClientKind.Company, "Anon", Inactive, true));
        await Assert.ThrowsAsync<NotAllowedException>(() => filters.ListAsync(ClientKind.Company));

        host.Actor.Current = TestActor.Admin;
        Assert.Empty(await filters.ListAsync(ClientKind.Company));
    }
}
