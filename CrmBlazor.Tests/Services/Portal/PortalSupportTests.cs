using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Portal;

/// <summary>The support thread (POR-2): contacts write from the portal, staff answer from the client's page; both go into the History.</summary>
public class PortalSupportTests
{
    private static PortalSupport Support(DomainHost host) => host.Get<PortalSupport>();
    private static PortalSupportDesk Desk(DomainHost host) => host.Get<PortalSupportDesk>();

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_a_contacts_message_is_saved_with_a_history_line_and_published_once_committed(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var contact = await host.SessionAsync(a);
        var seenInDatabase = false;
        using var feed = new FeedRecorder(host.Feed, async change =>
        {
            if (change.Topic != Topics.Support) return;
            await using var db = host.Db();
            seenInDatabase = await db.SupportMessages.AnyAsync(m => m.Id == change.Id);
        });

        Assert.True(await Support(host).PostAsync(contact, "  ¿Cuándo llega la factura del casco?  "));

        await using (var db = host.Db())
        {
            var message = await db.SupportMessages.SingleAsync();
            Assert.Equal(a.CustomerId, message.CustomerId);
            Assert.Equal(a.AccountId, message.PortalAccountId);
            Assert.Equal(a.Name, message.AuthorName);
            Assert.Equal("¿Cuándo llega la factura del casco?", message.Body);
            var line = await db.History.SingleAsync(h => h.Kind == HistoryKind.SupportMessageFromContact);
            Assert.Equal(a.CustomerId, line.ClientId);
            Assert.Equal(a.Name, line.ActorName);
            Assert.Equal(message.Body, line.Text);
        }
        var change = Assert.Single(feed.Changes, c => c.Topic == Topics.Support);
        Assert.Equal(a.CustomerId, change.ClientId);
        Assert.Null(change.ByUserId);
        Assert.True(seenInDatabase, "published before the commit");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_an_empty_or_too_long_message_is_a_field_error_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var contact = await host.SessionAsync(await host.PortalContactAsync());
        var history = await host.CountsAsync();

        await Expect.FieldErrorAsync(() => Support(host).PostAsync(contact, "  \n "), "Body", "Error.Required");
        await Expect.FieldErrorAsync(() => Support(host).PostAsync(contact, new string('x', SupportMessage.BodyMax + 1)), "Body", $"Error.TooLong|{SupportMessage.BodyMax}");
        await Expect.FieldErrorAsync(() => Desk(host).AnswerAsync(contact.CustomerId, ""), "Body", "Error.Required");

        await using var db = host.Db();
        Assert.Equal(0, await db.SupportMessages.CountAsync());
        Assert.Equal(history, await host.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_without_the_support_permission_the_thread_is_refused_and_nothing_can_be_posted(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var contact = await host.SessionAsync(await host.PortalContactAsync(PortalPermissions.All & ~PortalPermissions.Support));

        Assert.Null(await Support(host).ThreadAsync(contact));
        Assert.False(await Support(host).PostAsync(contact, "Hola"));
        await using var db = host.Db();
        Assert.Equal(0, await db.SupportMessages.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_staff_answer_in_the_customers_thread_which_both_sides_read_oldest_first_and_only_office_and_admins_are_notified(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var a = await host.PortalContactAsync();
        var b = await host.PortalContactAsync();
        var contact = await host.SessionAsync(a);
        await Support(host).PostAsync(contact, "Primera pregunta");
        await Support(host).PostAsync(await host.SessionAsync(b), "Mensaje de otro cliente");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        host.Actor.Current = TestActor.Office;
        await Desk(host).AnswerAsync(a.CustomerId, "Respuesta de la oficina");

        var portal = await Support(host).ThreadAsync(contact);
        var staff = await Desk(host).ThreadAsync(a.CustomerId);
        Assert.Equal(new[] { "Primera pregunta", "Respuesta de la oficina" }, portal!.Messages.Select(m => m.Body));
        Assert.Equal(portal.Messages, staff.Messages);
        Assert.Equal(new[] { true, false }, portal.Messages.Select(m => m.FromContact));
        Assert.Equal(TestActor.Office.Name, portal.Messages[1].AuthorName);
        await using (var db = host.Db())
        {
            var line = await db.History.SingleAsync(h => h.Kind == HistoryKind.SupportMessageFromStaff);
            Assert.Equal((a.CustomerId, TestActor.Office.UserId, "Respuesta de la oficina"), (line.ClientId, line.UserId, line.Text));
        }

        var fromContact = portal.Messages[0].Id;
        var notice = await Desk(host).NoticeAsync(fromContact);
        Assert.Equal((a.Name, a.CustomerId), (notice!.AuthorName, notice.CustomerId));
        Assert.Null(await Desk(host).NoticeAsync(portal.Messages[1].Id));   // staff answers are not announced
        host.Actor.Current = TestActor.Sales;
        Assert.Null(await Desk(host).NoticeAsync(fromContact));
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => Desk(host).ThreadAsync(a.CustomerId));
        await Assert.ThrowsAsync<NotAllowedException>(() => Desk(host).AnswerAsync(a.CustomerId, "x"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_a_staff_answer_is_emailed_to_the_contacts_who_read_support_and_keep_CON_6_ticket_emails_on(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var asker = await host.PortalContactAsync();
        var quiet = await host.ColleagueAsync(asker.CustomerId, PortalPermissions.All);
        var noSupport = await host.ColleagueAsync(asker.CustomerId, PortalPermissions.Invoices);
        var clients = host.Get<ClientService>();
        var details = await clients.GetAsync(quiet.PersonId);
        var toggles = details!.Notifications.Copy();
        toggles.Tickets = false;
        await clients.SetNotificationsAsync(quiet.PersonId, toggles, details.Version);
        await Support(host).PostAsync(await host.SessionAsync(asker), "¿Cuándo se bota el barco?");

        host.Actor.Current = TestActor.Office;
        await Desk(host).AnswerAsync(asker.CustomerId, "El viernes a las 10:00.");

        await using var db = host.Db();
        var mail = await db.Outbox.Where(m => m.Kind == MailKind.SupportAnswer).ToListAsync();
        var only = Assert.Single(mail);
        Assert.Equal(asker.Email, only.ToAddress);
        Assert.Equal(asker.PersonId, only.ClientId);
        Assert.Contains("El viernes a las 10:00.", only.TextBody);
        Assert.Contains("/portal/support", only.TextBody);
        Assert.DoesNotContain(mail, m => m.ToAddress == quiet.Email || m.ToAddress == noSupport.Email);
    }
}
