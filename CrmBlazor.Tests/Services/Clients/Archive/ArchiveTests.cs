using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Clients.Archive;

/// <summary>Archive and restore, single and bulk, with history, undo and concurrency (ARC-1, ARC-2, ARC-3, ARC-5, DEA-7, DEA-9).</summary>
public class ArchiveTests
{
    private static ClientArchiveService Archive(DomainHost host) => host.Get<ClientArchiveService>();

    private static async Task<long[]> SeedAsync(DomainHost host) => await host.InsertAsync(
    [
        ClientBuilder.Company("Astillero Norte"), ClientBuilder.Company("Bodegas Sur"), ClientBuilder.Company("Chantier Naval"),
        ClientBuilder.Person("Zofia", "Nowak"), ClientBuilder.Person("Jan", "Kowalski"),
    ]);

    private static async Task<List<HistoryEvent>> HistoryAsync(DomainHost host, HistoryKind kind)
    {
        await using var db = host.Db();
        return await db.History.AsNoTracking().Where(h => h.Kind == kind).OrderBy(h => h.ClientId).ToListAsync();
    }

    private static async Task ConflictAsync(Func<Task> act, string key) =>
        Assert.Equal(key, (await Assert.ThrowsAsync<ConcurrencyConflictException>(act)).MessageKey);

    private static async Task<ClientStatus> StatusAsync(DomainHost host, long id) => (await host.LoadAsync(id)).Status;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_1_delete_selected_moves_the_clients_to_the_archive_out_of_lists_and_pickers_while_deactivated_ones_stay_pickable(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        await host.DeactivateAsync(ids[2]);
        using var feed = new FeedRecorder(host.Feed);

        var outcome = await Archive(host).ArchiveAsync([ids[0], ids[1], ids[3]]);

        Assert.Equal(3, outcome.Count);
        var directory = host.Get<ClientDirectory>();
        Assert.Equal(["Chantier Naval"], (await directory.ListAsync(new ClientListRequest(ClientKind.Company))).Rows.Select(r => r.Name));
        Assert.Equal(["Jan Kowalski"], (await directory.ListAsync(new ClientListRequest(ClientKind.Person))).Rows.Select(r => r.Name));
        var picked = await directory.PickAsync(null);
        Assert.Equal(["Chantier Naval", "Jan Kowalski"], picked.Select(o => o.Name).Order()); // DEA-7: the inactive one is still offered
        Assert.Equal(ClientStatus.Inactive, picked.Single(o => o.Id == ids[2]).Status);
        Assert.Empty(await directory.PickAsync("Astillero"));
        Assert.Equal(ClientStatus.Archived, await StatusAsync(host, ids[0]));
        Assert.Equal(2, (await host.LoadAsync(ids[0])).Version);
        Assert.Single(feed.Changes, c => c.Topic == Topics.Client && c.Id is null);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_5_archive_and_restore_each_write_one_history_line_per_client_with_who_and_when(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        host.Actor.Current = TestActor.Office;
        var archivedAt = host.Clock.GetUtcNow().UtcDateTime;
        await Archive(host).ArchiveAsync([ids[0], ids[1]]);
        Assert.Equal(0, (await Archive(host).ArchiveAsync([ids[0], ids[1]])).Count); // already there: nothing moves, nothing written

        host.Actor.Current = TestActor.Sales;
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, await Archive(host).RestoreAsync([ids[0], ids[1], ids[2]]));

        var archived = await HistoryAsync(host, HistoryKind.ClientArchived);
        Assert.Equal([ids[0], ids[1]], archived.Select(h => h.ClientId));
        Assert.All(archived, h => { Assert.Equal("Olivier Office", h.ActorName); Assert.Equal(TestActor.Office.UserId, h.UserId); Assert.Equal(archivedAt, h.At); });
        var restored = await HistoryAsync(host, HistoryKind.ClientRestored);
        Assert.Equal([ids[0], ids[1]], restored.Select(h => h.ClientId));
        Assert.All(restored, h => { Assert.Equal("Sylwia Sales", h.ActorName); Assert.Equal(archivedAt.AddHours(2), h.At); });
        Assert.Equal(ClientStatus.Active, await StatusAsync(host, ids[0]));
        Assert.Equal(3, (await host.LoadAsync(ids[0])).Version);
        Assert.Equal(3, (await host.Get<ClientDirectory>().ListAsync(new ClientListRequest(ClientKind.Company))).Rows.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_2_an_archived_client_is_restored_to_active_even_when_it_was_inactive_and_DEA_9_active_no_lists_only_the_deactivated(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        await host.DeactivateAsync(ids[0]);
        await host.DeactivateAsync(ids[1]);
        await Archive(host).ArchiveAsync([ids[1]]);

        var inactive = new ClientListRequest(ClientKind.Company, Filter: ClientFilter.Parse(["active.eq.no"]));
        Assert.Equal([ids[0]], (await host.Get<ClientDirectory>().ListAsync(inactive)).Rows.Select(r => r.Id));

        await Archive(host).RestoreAsync([ids[1]]);
        Assert.Equal(ClientStatus.Active, await StatusAsync(host, ids[1]));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_1_undo_restores_exactly_the_clients_of_that_action_that_are_unchanged_since(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var first = await Archive(host).ArchiveAsync([ids[0], ids[1]]);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Archive(host).ArchiveAsync([ids[2]]);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Archive(host).RestoreAsync([ids[1]]); // a colleague restored it and archived it again: no longer the first action's
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Archive(host).ArchiveAsync([ids[1]]);

        Assert.Equal(1, await Archive(host).UndoArchiveAsync(first.Undo));

        Assert.Equal(ClientStatus.Active, await StatusAsync(host, ids[0]));
        Assert.Equal(ClientStatus.Archived, await StatusAsync(host, ids[1]));
        Assert.Equal(ClientStatus.Archived, await StatusAsync(host, ids[2]));
        var undone = Assert.Single(await HistoryAsync(host, HistoryKind.ClientRestored), h => h.ClientId == ids[0]);
        Assert.Contains("\"Undo\":true", undone.Data);
        Assert.Equal(0, await Archive(host).UndoArchiveAsync(first.Undo)); // twice: nothing more
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_3_single_archive_or_restore_from_a_stale_version_is_refused_as_changed_by_someone_else_and_writes_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var opened = (await host.Get<ClientService>().GetAsync(ids[0]))!;
        var form = opened.Form.Clone();
        form.City = "Vigo";
        await host.Get<ClientService>().UpdateAsync(ids[0], form, opened.Version); // a colleague saves first

        await ConflictAsync(() => Archive(host).ArchiveOneAsync(ids[0], opened.Version), "Error.ArchiveChangedMeanwhile");
        Assert.Equal(ClientStatus.Active, await StatusAsync(host, ids[0]));

        await Archive(host).ArchiveOneAsync(ids[0], opened.Version + 1);
        await Expect.RefusedAsync(() => Archive(host).ArchiveOneAsync(ids[0], opened.Version + 2), "Error.ClientArchived");
        // The editor who opened the form before the archive cannot save into the Archive.
        await Expect.RefusedAsync(() => host.Get<ClientService>().UpdateAsync(ids[0], form, opened.Version + 2), "Error.ClientArchived");

        // Restored and archived again by someone else meanwhile: the version seen on the Archive page is stale.
        await Archive(host).RestoreOneAsync(ids[0], 3);
        await Archive(host).ArchiveOneAsync(ids[0], 4);
        await ConflictAsync(() => Archive(host).RestoreOneAsync(ids[0], 3), "Error.ArchiveChangedMeanwhile");
        Assert.Equal(6, await Archive(host).RestoreOneAsync(ids[0], 5));
        await ConflictAsync(() => Archive(host).RestoreOneAsync(ids[0], 6), "Error.ArchiveNotArchived");
        await Expect.RefusedAsync(() => Archive(host).RestoreOneAsync(ids[0] + 1000, 1), "Error.ClientNotFound");
        Assert.Equal(2, (await HistoryAsync(host, HistoryKind.ClientArchived)).Count);
        Assert.Equal(2, (await HistoryAsync(host, HistoryKind.ClientRestored)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_1_archive_racing_a_colleagues_save_lets_exactly_one_win_and_loses_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var form = ClientBuilder.Company("Astillero Norte", f => f.City = "Cádiz");

        var results = await Task.WhenAll(Outcome(() => Archive(host).ArchiveOneAsync(ids[0], 1)), Outcome(() => host.Get<ClientService>().UpdateAsync(ids[0], form, 1)));

        Assert.Single(results, r => r is null);
        // The loser is told why: a conflict, or (the archive won) that the client is archived now.
        Assert.All(results.OfType<DomainException>(), e => Assert.True(e is ConcurrencyConflictException || e.MessageKey == "Error.ClientArchived", e.MessageKey));
        var client = await host.LoadAsync(ids[0]);
        Assert.Equal(2, client.Version);
        Assert.True(client.Status == ClientStatus.Archived ^ client.City == "Cádiz");
    }

    private static async Task<DomainException?> Outcome(Func<Task> call)
    {
        await Task.Yield();
        try { await call(); return null; }
        catch (DomainException ex) { return ex; }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_2_an_archived_clients_documents_cannot_be_sent_nor_new_drafts_made_and_staff_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        var invoice = await host.IssuedAsync(DocumentType.Invoice, ids[0]);
        await Archive(host).ArchiveAsync([ids[0]]);

        await Expect.RefusedAsync(() => host.Get<CrmBlazor.Domain.Sending.DocumentSendingService>().PrepareAsync(invoice), "Error.ClientArchived");
        await Expect.FieldErrorAsync(() => host.DraftAsync(DocumentType.Quote, ids[0]), "ClientId", "Error.ClientArchived");

        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => Archive(host).RestoreAsync([ids[0]]));
        await Assert.ThrowsAsync<NotAllowedException>(() => Archive(host).ArchiveAsync([ids[1]]));
        await Assert.ThrowsAsync<NotAllowedException>(() => Archive(host).ListAsync(null));
        await Assert.ThrowsAsync<NotAllowedException>(() => Archive(host).DeletePermanentlyAsync(ids[0], "Astillero Norte"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_3_the_archive_lists_searches_and_pages_archived_clients_only(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var ids = await SeedAsync(host);
        await Archive(host).ArchiveAsync([ids[0], ids[1], ids[3], ids[4]]);

        var first = await Archive(host).ListAsync(null, pageSize: 3);
        Assert.Equal(["Astillero Norte", "Bodegas Sur", "Jan Kowalski"], first.Rows.Select(r => r.Name));
        Assert.Equal(4, first.Total);
        var second = await Archive(host).ListAsync(null, first.Next, 3);
        Assert.Equal(["Zofia Nowak"], second.Rows.Select(r => r.Name));
        Assert.Null(second.Next);
        Assert.Equal(["Zofia Nowak"], (await Archive(host).ListAsync("nowak")).Rows.Select(r => r.Name));
        Assert.Empty((await Archive(host).ListAsync("Chantier")).Rows);

        var preview = await Archive(host).PreviewAsync(ids[3]);
        Assert.Equal("Zofia Nowak", preview.Client.Name);
        Assert.Equal("Ana Admin", preview.ArchivedBy);
        await Expect.RefusedAsync(() => Archive(host).PreviewAsync(ids[2]), "Error.ArchiveNotArchived");
    }
}
