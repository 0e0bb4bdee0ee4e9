using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Sending;

/// <summary>SND-4 and SND-6: views and answers on the public page are recorded once, with who, when and from where.</summary>
public class PublicDocumentAnswerTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_every_view_is_logged_and_viewed_goes_into_the_history_once_per_link(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var first = await host.PublicLinkAsync(quote, "ana@cliente.es");
        var second = await host.PublicLinkAsync(quote, "luis@cliente.es");
        using var feed = new FeedRecorder(host.Feed);

        await host.Public().OpenAsync(first, "198.51.100.1", "Phone browser");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Public().OpenAsync(first, "198.51.100.1", "Phone browser");
        await host.Public().OpenAsync(second, "198.51.100.2", "Mail app");

        await using var db = host.Db();
        var links = await db.PublicLinks.OrderBy(l => l.Id).ToListAsync();
        var views = await db.PublicLinkViews.OrderBy(v => v.Id).ToListAsync();
        var viewed = await db.History.Where(h => h.Kind == HistoryKind.DocumentViewed).OrderBy(h => h.Id).ToListAsync();
        var document = await db.Documents.SingleAsync(d => d.Id == quote);
        var start = new DateTime(2026, 11, 26, 9, 0, 0);
        Assert.Equal((2, start, start.AddMinutes(5)), (links[0].Views, links[0].FirstViewedAt, links[0].LastViewedAt));
        Assert.Equal(1, links[1].Views);
        Assert.Equal(["198.51.100.1", "198.51.100.1", "198.51.100.2"], views.Select(v => v.IpAddress));
        Assert.Equal("Mail app", views[2].UserAgent);
        Assert.Equal((DocumentStatus.Viewed, start), (document.Status, document.ViewedAt));
        Assert.Equal(["ana@cliente.es", "luis@cliente.es"], viewed.Select(h => h.ActorName));
        Assert.All(viewed, h => Assert.Null(h.UserId));
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Document && c.Id == quote && c.ClientId == client);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.History && c.ClientId == client);
        Assert.Equal(3, feed.Changes.Count(c => c.Topic == PublicTopics.Link && c.Id == quote));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_an_acceptance_records_when_who_and_from_where(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote, "ana@cliente.es");
        using var feed = new FeedRecorder(host.Feed);
        host.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await host.Public().AcceptAsync(token, "  Ana Pérez  ", "Start on Monday, please.", "198.51.100.9");

        var document = await host.StoredDocumentAsync(quote);
        var at = new DateTime(2026, 11, 26, 11, 0, 0);
        Assert.Equal(new AnswerOutcome(false, new PublicAnswer(DocumentStatus.Accepted, at, "Ana Pérez", "Start on Monday, please.", "198.51.100.9")), outcome);
        Assert.Equal((DocumentStatus.Accepted, at, "Ana Pérez", "198.51.100.9"), (document.Status, document.RespondedAt, document.ResponseName, document.ResponseFrom));
        await using var db = host.Db();
        var entry = await db.History.SingleAsync(h => h.Kind == HistoryKind.DocumentAccepted);
        Assert.Equal((client, "Ana Pérez", (string?)null, "Start on Monday, please."), (entry.ClientId, entry.ActorName, entry.UserId, entry.Text));
        Assert.Contains("198.51.100.9", entry.Data);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Document && c.Id == quote);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.History && c.ClientId == client);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_twenty_accepts_at_once_make_one_acceptance_and_the_others_see_it(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        var service = host.Public();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 20).Select(async i =>
        {
            await Task.Yield();
            return (await service.AcceptAsync(token, $"Signer {i}", "", $"198.51.100.{i}"))!;
        }));

        var winner = Assert.Single(outcomes, o => !o.AlreadyAnswered);
        Assert.All(outcomes, o => Assert.Equal(winner.Answer, o.Answer));
        var document = await host.StoredDocumentAsync(quote);
        Assert.Equal((DocumentStatus.Accepted, winner.Answer.Name), (document.Status, document.ResponseName));
        Assert.Equal(1, await host.HistoryCountAsync(HistoryKind.DocumentAccepted));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_a_reject_after_an_accept_is_refused_with_the_standing_answer(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var proforma = await host.IssuedAsync(DocumentType.Proforma, client);
        var mine = await host.PublicLinkAsync(proforma, "ana@cliente.es");
        var colleagues = await host.PublicLinkAsync(proforma, "luis@cliente.es");
        await host.Public().AcceptAsync(mine, "Ana Pérez", "", PublicLinkData.Ip);
        var before = await host.FootprintAsync();

        var reject = await host.Public().RejectAsync(colleagues, "Too expensive", "198.51.100.3", "Luis");
        var again = await host.Public().AcceptAsync(mine, "Ana Pérez", "", PublicLinkData.Ip);

        Assert.True(reject!.AlreadyAnswered);
        Assert.Equal((DocumentStatus.Accepted, "Ana Pérez"), (reject.Answer.Status, reject.Answer.Name));
        Assert.True(again!.AlreadyAnswered);
        Assert.Equal(before, await host.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_a_missing_name_or_reason_is_a_field_message_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var token = await host.PublicLinkAsync(quote);
        var before = await host.FootprintAsync();

        await Expect.FieldErrorAsync(() => host.Public().AcceptAsync(token, "   ", "Fine", PublicLinkData.Ip), "Name", "Error.Required");
        await Expect.FieldErrorAsync(() => host.Public().RejectAsync(token, "", PublicLinkData.Ip), "Reason", "Error.Required");
        await Expect.FieldErrorAsync(() => host.Public().AcceptAsync(token, new string('n', 201), "", PublicLinkData.Ip), "Name", "Error.TooLong|200");

        Assert.Equal(before, await host.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_an_invoice_or_a_cancelled_quote_cannot_be_answered(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var invoice = await host.IssuedAsync(DocumentType.Invoice, client);
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var invoiceToken = await host.PublicLinkAsync(invoice);
        var quoteToken = await host.PublicLinkAsync(quote);
        await host.Documents().CancelAsync(quote, (await host.DetailsAsync(quote)).Version);
        var before = await host.FootprintAsync();

        await Expect.RefusedAsync(() => host.Public().AcceptAsync(invoiceToken, "Ana", "", PublicLinkData.Ip), "Error.DocumentCannotBeAnswered");
        await Expect.RefusedAsync(() => host.Public().RejectAsync(quoteToken, "No", PublicLinkData.Ip), "Error.DocumentCannotBeAnswered");

        Assert.False((await host.Public().PeekAsync(invoiceToken))!.CanBeAnswered);
        Assert.Equal(before, await host.FootprintAsync());
    }
}
