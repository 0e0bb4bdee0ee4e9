using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>
/// DIR-8: every document change reaches open pages after it is committed (the probe reads with its own
/// context during delivery); NF-4: each one is in the client's history with who and when.
/// </summary>
public class DocumentPublishingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_create_issue_cancel_and_convert_publish_after_commit(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var seen = new List<(DocumentStatus Status, int History)>();
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            await using var db = host.Db();
            var status = await db.Documents.Where(d => d.Id == change.Id).Select(d => d.Status).SingleAsync();
            seen.Add((status, await db.History.CountAsync(h => h.ClientId == change.ClientId && h.Kind >= HistoryKind.DocumentCreated)));
        });
        host.Actor.Current = TestActor.Office;
        var documents = host.Documents();

        var quote = await host.DraftAsync(DocumentType.Quote, client);
        await documents.IssueAsync(quote);
        var invoice = await documents.ConvertAsync([quote], DocumentType.Invoice);
        await documents.CancelAsync(quote, 2);

        Assert.Equal([quote, quote, invoice, quote, quote], feed.Changes.Select(c => c.Id!.Value));
        Assert.All(feed.Changes, c => Assert.Equal((Topics.Document, "office-1", (long?)client), (c.Topic, c.ByUserId, c.ClientId)));
        Assert.Equal([(DocumentStatus.Draft, 1), (DocumentStatus.Issued, 2), (DocumentStatus.Draft, 3), (DocumentStatus.Issued, 3), (DocumentStatus.Cancelled, 4)], seen);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_4_create_issue_convert_and_cancel_are_in_the_history_with_who_and_when(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        host.Actor.Current = TestActor.Sales;
        var documents = host.Documents();

        var quote = await host.DraftAsync(DocumentType.Quote, client);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await documents.IssueAsync(quote);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var invoice = await documents.ConvertAsync([quote], DocumentType.Invoice);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await documents.CancelAsync(quote, 2);

        var items = (await host.Get<HistoryService>().ListAsync(client)).Where(h => h.Kind >= HistoryKind.DocumentCreated).Reverse().ToList();
        Assert.Equal([HistoryKind.DocumentCreated, HistoryKind.DocumentIssued, HistoryKind.DocumentConverted, HistoryKind.DocumentCancelled],
            items.Select(h => h.Kind));
        Assert.All(items, h => Assert.Equal("Sylwia Sales", h.ActorName));
        var start = new DateTime(2026, 11, 26, 9, 0, 0);
        Assert.Equal([start, start.AddMinutes(1), start.AddMinutes(2), start.AddMinutes(3)], items.Select(h => h.At));
        Assert.Equal(["Q-2026-0001", "Q-2026-0001 → Invoice #" + invoice, "Q-2026-0001"], items.Skip(1).Select(h => h.Text));
        await using var db = host.Db();
        Assert.All(await db.History.Where(h => h.Kind >= HistoryKind.DocumentCreated).ToListAsync(), h => Assert.Equal("sales-1", h.UserId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_merging_delivery_notes_tells_each_notes_page_what_it_turned_into(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var notes = new[] { await host.IssuedAsync(DocumentType.DeliveryNote, client), await host.IssuedAsync(DocumentType.DeliveryNote, client) };
        var turnedInto = new List<(long Note, int Targets)>();
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            if (!notes.Contains(change.Id!.Value)) return;
            await using var db = host.Db();
            turnedInto.Add((change.Id.Value, await db.DocumentRelations.CountAsync(r => r.SourceId == change.Id)));
        });

        await host.Documents().ConvertAsync(notes, DocumentType.Invoice);

        Assert.Equal([(notes[0], 1), (notes[1], 1)], turnedInto);
        Assert.Equal(3, feed.Changes.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DIR_8_a_refused_change_publishes_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var draft = await host.DraftAsync(DocumentType.Invoice, client);
        using var feed = new FeedRecorder(host.Feed);

        await Expect.RefusedAsync(() => host.Documents().CancelAsync(draft, 1), "Error.DocumentCannotCancel");
        await Expect.RefusedAsync(() => host.Documents().ConvertAsync([draft], DocumentType.CreditNote), "Error.ConversionNeedsIssued");

        Assert.Empty(feed.Changes);
    }
}
