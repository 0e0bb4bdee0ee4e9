using System.Text.Json;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-7: the client of an issued document can be changed; both clients' histories say who and when.</summary>
public class DocumentClientChangeTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_7_changing_the_client_of_an_issued_document_moves_it_and_logs_it_on_both_clients(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var from = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var to = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA"));
        var contact = await host.CreateAsync(ClientBuilder.Person());
        var id = await host.IssuedAsync(DocumentType.Invoice, from);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        host.Actor.Current = TestActor.Office;
        using var feed = new FeedRecorder(host.Feed);

        await host.Documents().ChangeClientAsync(id, to, contact, 2);

        var moved = await host.DetailsAsync(id);
        Assert.Equal((to, "Bodegas Sur SA", (long?)contact, 3L), (moved.ClientId, moved.ClientName, moved.ContactId, moved.Version));
        Assert.Equal("INV-2026-0001", moved.Number);
        await using var db = host.Db();
        var entries = await db.History.AsNoTracking().Where(h => h.Kind == HistoryKind.DocumentClientChanged).OrderBy(h => h.ClientId).ToListAsync();
        Assert.Equal([from, to], entries.Select(e => e.ClientId));
        foreach (var e in entries)
        {
            Assert.Equal(("office-1", "Olivier Office", new DateTime(2026, 11, 26, 9, 5, 0)), (e.UserId, e.ActorName, e.At));
            var data = JsonSerializer.Deserialize<ClientChangeData>(e.Data!)!;
            Assert.Equal((id, from, "Astillero Norte SL", to, "Bodegas Sur SA"), (data.DocumentId, data.FromClientId, data.FromClient, data.ToClientId, data.ToClient));
        }
        Assert.Equal([new Change(Topics.Document, id, "office-1", to), new Change(Topics.Document, id, "office-1", from)], feed.Changes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_7_a_change_of_client_is_refused_for_cancelled_documents_archived_clients_and_stale_versions(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var from = await host.CreateAsync(ClientBuilder.Company());
        var to = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur SA"));
        var archived = await host.CreateAsync(ClientBuilder.Company("Cerrada SL"));
        await host.ArchiveAsync(archived);
        var id = await host.IssuedAsync(DocumentType.Invoice, from);
        var cancelled = await host.IssuedAsync(DocumentType.Invoice, from);
        await host.Documents().CancelAsync(cancelled, 2);
        var before = await host.DocumentCountsAsync();

        await Expect.FieldErrorAsync(() => host.Documents().ChangeClientAsync(id, archived, null, 2), "ClientId", "Error.ClientArchived");
        await Assert.ThrowsAsync<CrmBlazor.Domain.Common.ConcurrencyConflictException>(() => host.Documents().ChangeClientAsync(id, to, null, 1));
        await Expect.RefusedAsync(() => host.Documents().ChangeClientAsync(cancelled, to, null, 3), "Error.DocumentCancelled");

        Assert.Equal(before, await host.DocumentCountsAsync());
        Assert.Equal(from, (await host.DetailsAsync(id)).ClientId);
    }
}
