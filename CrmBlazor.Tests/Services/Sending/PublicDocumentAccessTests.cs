using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Sending;

/// <summary>SND-3: a token opens its own document and nothing else; every kind of miss is the same null and changes nothing.</summary>
public class PublicDocumentAccessTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_a_token_opens_and_acts_on_its_own_document_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var a = await host.IssuedAsync(DocumentType.Quote, client);
        var b = await host.IssuedAsync(DocumentType.Quote, client);
        var tokenA = await host.PublicLinkAsync(a);
        await host.PublicLinkAsync(b);

        var view = await host.Public().OpenAsync(tokenA, PublicLinkData.Ip, "test");
        var outcome = await host.Public().AcceptAsync(tokenA, "Marta Ruiz", "", PublicLinkData.Ip);

        Assert.Equal(a, view!.Document.Id);
        Assert.False(outcome!.AlreadyAnswered);
        Assert.Equal(DocumentStatus.Accepted, (await host.StoredDocumentAsync(a)).Status);
        var other = await host.StoredDocumentAsync(b);
        Assert.Equal((DocumentStatus.Issued, null, null), (other.Status, other.ViewedAt, other.RespondedAt));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_forged_truncated_unknown_and_revoked_tokens_open_nothing_and_change_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        var revoked = await host.PublicLinkAsync(quote);
        await using (var db = host.Db())
        {
            var link = db.PublicLinks.Single(l => l.TokenHash == PublicLinkToken.Hash(revoked));
            link.Revoke(host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        string?[] misses = [PublicLinkToken.New(), token[..^1], token + "x", flipped, token.ToUpperInvariant(), "", null, "../" + token[3..], revoked];
        var before = await host.FootprintAsync();

        foreach (var miss in misses)
        {
            Assert.Null(await host.Public().OpenAsync(miss, PublicLinkData.Ip, "scanner"));
            Assert.Null(await host.Public().PeekAsync(miss));
            Assert.Null(await host.Public().StoredPdfAsync(miss));
            Assert.Null(await host.Public().AcceptAsync(miss, "Marta Ruiz", "", PublicLinkData.Ip));
            Assert.Null(await host.Public().RejectAsync(miss, "Too dear", PublicLinkData.Ip));
        }

        Assert.Equal(before, await host.FootprintAsync());
        Assert.NotNull(await host.Public().PeekAsync(token));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_a_quote_link_ends_after_its_valid_until_date(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var quote = await host.IssuedAsync(DocumentType.Quote, client, f => f.ValidUntil = today.AddDays(3));
        var token = await host.PublicLinkAsync(quote);

        host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(14)); // the last valid day, 23:00 UTC
        Assert.NotNull(await host.Public().PeekAsync(token));
        host.Clock.Advance(TimeSpan.FromHours(1));
        var before = await host.FootprintAsync();

        Assert.Null(await host.Public().OpenAsync(token, PublicLinkData.Ip, "late"));
        Assert.Null(await host.Public().AcceptAsync(token, "Marta Ruiz", "", PublicLinkData.Ip));
        Assert.Equal(before, await host.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_an_invoice_link_ends_the_set_days_after_it_is_paid_or_cancelled(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        await using (var db = host.Db()) await db.Settings.ExecuteUpdateAsync(s => s.SetProperty(x => x.LinkDaysAfterSettled, 10));
        var paid = await host.IssuedAsync(DocumentType.Invoice, client);
        var cancelled = await host.IssuedAsync(DocumentType.Invoice, client);
        var open = await host.IssuedAsync(DocumentType.Invoice, client);
        var tokens = new[] { await host.PublicLinkAsync(paid), await host.PublicLinkAsync(cancelled), await host.PublicLinkAsync(open) };
        await host.PayAsync(paid);
        await host.Documents().CancelAsync(cancelled, (await host.DetailsAsync(cancelled)).Version);

        host.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        foreach (var token in tokens) Assert.NotNull(await host.Public().PeekAsync(token));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await host.FootprintAsync();

        Assert.Null(await host.Public().OpenAsync(tokens[0], PublicLinkData.Ip, "late"));
        Assert.Null(await host.Public().OpenAsync(tokens[1], PublicLinkData.Ip, "late"));
        Assert.Equal(before, await host.FootprintAsync());
        Assert.NotNull(await host.Public().OpenAsync(tokens[2], PublicLinkData.Ip, "still due"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_an_archived_clients_links_open_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        await host.ArchiveAsync(client);

        Assert.Null(await host.Public().OpenAsync(token, PublicLinkData.Ip, "test"));
        Assert.Equal(0, await host.HistoryCountAsync(HistoryKind.DocumentViewed));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_reading_for_head_or_the_pdf_records_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        var before = await host.FootprintAsync();

        var view = await host.Public().PeekAsync(token);
        await host.Public().StoredPdfAsync(token);

        Assert.Equal(quote, view!.Document.Id);
        Assert.True(view.CanBeAnswered);
        Assert.Equal(before, await host.FootprintAsync());
    }
}
