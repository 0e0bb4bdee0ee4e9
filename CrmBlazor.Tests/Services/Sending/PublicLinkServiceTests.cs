using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.Sending;

/// <summary>SND-3: staff list, revoke and regenerate a document's links; nobody else can.</summary>
public class PublicLinkServiceTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_staff_revoke_every_link_and_make_a_new_one_that_works(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var mailed = await host.PublicLinkAsync(quote, "ana@cliente.es");
        var copied = await host.PublicLinkAsync(quote);
        await host.Public().OpenAsync(mailed, PublicLinkData.Ip, "test");
        var links = host.Get<PublicLinkService>();

        var revoked = await links.RevokeAllAsync(quote);
        var fresh = await links.CreateAsync(quote);
        var token = fresh.Url[(fresh.Url.LastIndexOf('/') + 1)..];
        var listed = await links.GetAsync(quote);

        Assert.Equal(2, revoked);
        Assert.Null(await host.Public().PeekAsync(mailed));
        Assert.Null(await host.Public().PeekAsync(copied));
        Assert.StartsWith("http://localhost:5080/d/", fresh.Url);
        Assert.True(PublicLinkToken.LooksValid(token));
        Assert.NotNull(await host.Public().PeekAsync(token));
        Assert.Equal([fresh.Id, fresh.Id - 1, fresh.Id - 2], listed.Links.Select(l => l.Id));
        Assert.Equal((1, "ana@cliente.es"), (listed.Links[2].Views, listed.Links[2].RecipientEmail));
        Assert.All(listed.Links.Skip(1), l => Assert.NotNull(l.RevokedAt));
        Assert.Null(listed.Links[0].RevokedAt);
        Assert.NotNull(listed.ViewedAt);
        Assert.Equal(1, await host.HistoryCountAsync(HistoryKind.PublicLinksRevoked));
        Assert.Equal(3, await host.HistoryCountAsync(HistoryKind.PublicLinkCreated));
        Assert.Equal(1, await links.RevokeAllAsync(quote)); // only the fresh one was still live
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_only_staff_see_revoke_or_make_links(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        var links = host.Get<PublicLinkService>();
        host.Actor.Current = Actor.Anonymous;

        await Assert.ThrowsAsync<NotAllowedException>(() => links.GetAsync(quote));
        await Assert.ThrowsAsync<NotAllowedException>(() => links.RevokeAllAsync(quote));
        await Assert.ThrowsAsync<NotAllowedException>(() => links.CreateAsync(quote));

        host.Actor.Current = TestActor.Sales;
        Assert.Single((await links.GetAsync(quote)).Links);
        Assert.NotNull(await host.Public().PeekAsync(token));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_a_draft_has_no_public_link(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var draft = await host.DraftAsync(DocumentType.Quote, client);

        await Expect.RefusedAsync(() => host.Get<PublicLinkService>().CreateAsync(draft), "Error.PublicLinkNeedsIssued");
        Assert.Empty((await host.Get<PublicLinkService>().GetAsync(draft)).Links);
    }
}
