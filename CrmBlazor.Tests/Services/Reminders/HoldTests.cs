using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Reminders;

/// <summary>Holding an invoice and releasing it (DEA-3).</summary>
public class HoldTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_3_hold_and_release_are_stored_recorded_and_published(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var id = await host.IssuedAsync(DocumentType.Invoice, client);
        var holds = host.Get<DocumentHoldService>();
        using var recorder = new FeedRecorder(host.Feed);

        await holds.HoldAsync(id, (await host.DetailsAsync(id)).Version);
        var held = await host.DetailsAsync(id);
        await holds.ReleaseAsync(id, held.Version);
        var released = await host.DetailsAsync(id);

        Assert.True(held.OnHold);
        Assert.False(released.OnHold);
        Assert.Equal(DocumentStatus.Issued, released.Status);
        await using var db = host.Db();
        Assert.Equal([HistoryKind.DocumentHeld, HistoryKind.DocumentReleased],
            await db.History.Where(h => h.ClientId == client && h.Kind >= HistoryKind.DocumentHeld).OrderBy(h => h.Id).Select(h => h.Kind).ToArrayAsync());
        Assert.Equal(2, recorder.Changes.Count(c => c.Topic == Topics.Document && c.Id == id));
        Assert.True((await host.Get<DocumentList>().ListAsync(new DocumentListRequest(ClientId: client))).Rows.Single().OnHold == false);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_3_only_outstanding_invoices_can_be_held_by_staff_and_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var quote = await host.IssuedAsync(DocumentType.Quote, client);
        var draft = await host.DraftAsync(DocumentType.Invoice, client);
        var invoice = await host.IssuedAsync(DocumentType.Invoice, client);
        var holds = host.Get<DocumentHoldService>();

        Assert.Equal("Error.DocumentCannotHold", (await Assert.ThrowsAsync<DomainException>(() => holds.HoldAsync(quote, 2))).MessageKey);
        Assert.Equal("Error.DocumentCannotHold", (await Assert.ThrowsAsync<DomainException>(() => holds.HoldAsync(draft, 1))).MessageKey);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => holds.HoldAsync(invoice, 1));
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => holds.HoldAsync(invoice, 2));
        Assert.False((await DocumentOnHoldAsync(host, invoice)));
    }

    private static async Task<bool> DocumentOnHoldAsync(DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Documents.Where(d => d.Id == id).Select(d => d.OnHold).SingleAsync();
    }
}
