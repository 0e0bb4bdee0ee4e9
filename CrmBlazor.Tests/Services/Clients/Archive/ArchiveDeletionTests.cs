using System.Data.Common;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Clients.Archive;

/// <summary>Permanent deletion (ARC-4) and a bulk archive cut off in the middle (ARC-1, ARC-5).</summary>
public class ArchiveDeletionTests
{
    private static ClientArchiveService Archive(DomainHost host) => host.Get<ClientArchiveService>();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_4_permanent_deletion_is_refused_while_issued_invoices_or_credit_notes_name_the_client(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Astillero Norte"));
        var person = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var other = await host.CreateAsync(ClientBuilder.Company("Bodegas Sur"));
        await host.IssuedAsync(DocumentType.Invoice, company);
        await host.IssuedAsync(DocumentType.Invoice, other, f => f.ContactId = person); // named as the contact on another client's invoice
        await Archive(host).ArchiveAsync([company, person]);

        var refused = await Expect.RefusedAsync(() => Archive(host).DeletePermanentlyAsync(company, "Astillero Norte"), "Error.ArchiveDeleteLegalRecords");
        Assert.Equal([1], refused.Args);
        await Expect.RefusedAsync(() => Archive(host).DeletePermanentlyAsync(person, "Zofia Nowak"), "Error.ArchiveDeleteLegalRecords");
        Assert.Equal(ClientStatus.Archived, (await host.LoadAsync(company)).Status);
        Assert.Equal(2, (await Archive(host).ListAsync(null)).Total);
        Assert.Equal(1, (await Archive(host).PreviewAsync(company)).LegalRecords);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_4_permanent_deletion_needs_the_typed_name_and_an_archived_client(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var id = await host.CreateAsync(ClientBuilder.Company("Astillero Norte"));

        await Expect.RefusedAsync(() => Archive(host).DeletePermanentlyAsync(id, "Astillero Norte"), "Error.ArchiveDeleteOnlyArchived");
        await Archive(host).ArchiveAsync([id]);
        await Expect.FieldErrorAsync(() => Archive(host).DeletePermanentlyAsync(id, "Astillero"), "Confirmation", "Error.ArchiveConfirmationMismatch");
        Assert.NotNull(await host.Get<ClientService>().GetAsync(id));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_4_permanent_deletion_removes_the_client_its_links_history_documents_and_emails_and_keeps_an_audit_line_without_personal_data(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Astillero Norte"));
        var person = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak", f => f.Email = "zofia@nowak.pl"));
        var colleague = await host.CreateAsync(ClientBuilder.Person("Jan", "Kowalski"));
        var links = host.Get<ContactLinkService>();
        await links.LinkAsync(company, person, "CEO"); // primary
        await links.LinkAsync(company, colleague, "CFO");
        var quote = await host.IssuedAsync(DocumentType.Quote, person);
        await host.Documents().ConvertAsync([quote], DocumentType.Proforma);
        await host.DraftAsync(DocumentType.Invoice, person);
        var companyQuote = await host.DraftAsync(DocumentType.Quote, company, f => f.ContactId = person);
        await using (var db = host.Db())
        {
            db.Enqueue(new MailDraft(MailKind.Document, "zofia@nowak.pl", "Zofia Nowak", "Oferta", "Hola", "<p>Hola</p>") { ClientId = person }, DocumentData.Now, new MailOptions());
            db.Enqueue(new MailDraft(MailKind.Document, "Zofia@Nowak.pl", "Zofia Nowak", "Para la empresa", "Hola", "<p>Hola</p>") { ClientId = company }, DocumentData.Now, new MailOptions());
            db.Enqueue(new MailDraft(MailKind.Document, "jan@kowalski.pl", "Jan", "Otro", "Hola", "<p>Hola</p>") { ClientId = colleague }, DocumentData.Now, new MailOptions());
            await db.SaveChangesAsync();
        }
        await Archive(host).ArchiveAsync([person]);

        await Archive(host).DeletePermanentlyAsync(person, " zofia nowak ");

        await using var check = host.Db();
        Assert.False(await check.Clients.AnyAsync(c => c.Id == person));
        Assert.False(await check.History.AnyAsync(h => h.ClientId == person));
        Assert.False(await check.Documents.AnyAsync(d => d.ClientId == person));
        Assert.Null((await check.Documents.SingleAsync(d => d.Id == companyQuote)).ContactId);
        Assert.Equal(["jan@kowalski.pl"], await check.Outbox.Select(m => m.ToAddress).ToListAsync());
        var remaining = await check.ContactLinks.Where(l => l.CompanyId == company).ToListAsync();
        Assert.True(Assert.Single(remaining).IsPrimary); // CON-2 still holds
        Assert.Equal(colleague, remaining[0].PersonId);
        var audit = await check.Audit.SingleAsync(a => a.Action == ClientArchiveService.DeletedAuditAction);
        Assert.Equal($"#{person}", audit.Subject);
        Assert.DoesNotContain("Nowak", audit.Subject + audit.Data);
        Assert.Equal("Ana Admin", audit.ActorName);
        Assert.True(await check.Clients.AnyAsync(c => c.Id == company));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_1_a_bulk_archive_cut_off_in_the_middle_leaves_each_client_archived_with_its_history_line_or_untouched(DatabaseProvider provider)
    {
        var cut = new FailOnSecondHistoryInsert();
        await using var host = await DomainHost.CreateAsync(provider, s => s.AddSingleton<IInterceptor>(cut));
        await host.BulkCompaniesAsync(ClientArchiveService.ChunkSize + 500);
        long first;
        await using (var db = host.Db()) first = await db.Clients.MinAsync(c => c.Id);
        var ids = Enumerable.Range(0, ClientArchiveService.ChunkSize + 500).Select(i => first + i).ToArray();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Archive(host).ArchiveAsync(ids));

        await using var check = host.Db();
        var archived = await check.Clients.CountAsync(c => c.Status == ClientStatus.Archived);
        var lines = await check.History.CountAsync(h => h.Kind == HistoryKind.ClientArchived);
        var archivedWithoutLine = await check.Clients.CountAsync(c => c.Status == ClientStatus.Archived
            && !check.History.Any(h => h.ClientId == c.Id && h.Kind == HistoryKind.ClientArchived));
        Assert.Equal(ClientArchiveService.ChunkSize, archived);
        Assert.Equal(archived, lines);
        Assert.Equal(0, archivedWithoutLine);
        Assert.Equal(500, await check.Clients.CountAsync(c => c.Status == ClientStatus.Active && c.Version == 1));
    }

    /// <summary>Stands for the process dying between the status change and the history insert of the second chunk.</summary>
    private sealed class FailOnSecondHistoryInsert : DbCommandInterceptor
    {
        private int _inserts;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"History\"", StringComparison.Ordinal) && Interlocked.Increment(ref _inserts) == 2)
                throw new InvalidOperationException("cut off");
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }
}
