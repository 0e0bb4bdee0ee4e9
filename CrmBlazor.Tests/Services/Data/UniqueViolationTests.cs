using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Payments;
using CrmBlazor.Domain.Reminders;
using CrmBlazor.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Data;

/// <summary>
/// A save that loses to a unique index is recognised by the index's name on both providers (PostgreSQL names it,
/// SQLite names its columns), never by the wording of the database's message. Each save here skips the services'
/// own checks, as the loser of a race does.
/// </summary>
public sealed class UniqueViolationTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_person_email_taken_in_the_database_becomes_the_email_field_error(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak", f => f.Email = "zofia@example.com"));

        await using var db = host.Db();
        db.Clients.Add(Client.Create(ClientBuilder.Person("Jan", "Nowak", f => f.Email = "ZOFIA@example.com"), Now(host)));
        Assert.Equal(UniqueIndexes.PersonEmail, await ViolatedIndexAsync(db));
        await Expect.FieldErrorAsync(() => db.SaveCheckedAsync(CancellationToken.None), nameof(ClientForm.Email), "Error.EmailTaken");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_a_second_primary_contact_saved_at_once_is_a_concurrency_conflict(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL"));
        var zofia = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak", f => f.Email = "zofia@example.com"));
        var jan = await host.CreateAsync(ClientBuilder.Person("Jan", "Kowal", f => f.Email = "jan@example.com"));

        await using var first = host.Db();
        await using var second = host.Db();
        await LinkAsync(first, company, zofia);
        await LinkAsync(second, company, jan);
        await first.SaveChangesAsync();

        Assert.Equal(UniqueIndexes.ContactLinkOnePrimary, await ViolatedIndexAsync(second));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveCheckedAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_unique_index_on_several_columns_is_named_and_a_save_it_does_not_concern_passes_through(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using (var db = host.Db())
        {
            db.PaymentEvents.Add(new PaymentEvent("stripe", "evt_1", "checkout.session.completed", Now(host), "paid"));
            await db.SaveChangesAsync();
        }

        await using var again = host.Db();
        again.PaymentEvents.Add(new PaymentEvent("stripe", "evt_1", "checkout.session.completed", Now(host), "paid"));
        Assert.Equal(UniqueIndexes.PaymentEventPerProviderId, await ViolatedIndexAsync(again));
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveCheckedAsync(CancellationToken.None));
        Assert.False(UniqueViolation.Is(error, UniqueIndexes.PersonEmail));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_save_that_fails_for_another_reason_names_no_index(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        await using var db = host.Db();
        db.RemindersSent.Add(new ReminderSent(documentId: 987_654, level: 1, Now(host), recipients: 0));
        Assert.Null(await ViolatedIndexAsync(db));
    }

    private static DateTime Now(DomainHost host) => host.Clock.GetUtcNow().UtcDateTime;

    private static async Task LinkAsync(CrmDbContext db, long companyId, long personId)
    {
        var company = await db.Clients.Include(c => c.Contacts).SingleAsync(c => c.Id == companyId);
        company.LinkPerson(await db.Clients.SingleAsync(c => c.Id == personId), "Manager");
    }

    /// <summary>Saves, expecting the database to refuse; the index it names, if any. The context keeps its changes.</summary>
    private static async Task<string?> ViolatedIndexAsync(CrmDbContext db)
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        return UniqueViolation.IndexName(error);
    }
}
