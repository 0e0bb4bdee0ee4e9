using CrmBlazor.Domain.Contacts;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Contacts;

/// <summary>"New contact" on a company (CON-1, CON-2, CON-3, CON-6): everything it writes, in one transaction.</summary>
public class ContactOnboardingTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_new_contact_is_a_linked_person_in_the_companys_language_with_portal_access_emails_and_history(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL", f => { f.Language = "es"; f.Currency = "EUR"; }));
        using var feed = new FeedRecorder(host.Feed);
        var form = ContactData.Contact("Lucía", "Marín", "Lucia.Marin@Astillero.example", f =>
        {
            f.Permissions = PortalPermissions.Invoices | PortalPermissions.Support;
            f.Notifications.Estimate = false;
        });

        var person = await host.Onboarding().CreateContactAsync(company, form);

        var saved = await host.LoadAsync(person);
        Assert.Equal(("Lucía Marín", "es", "EUR", "lucia.marin@astillero.example"), (saved.Name, saved.Language, saved.Currency, saved.EmailLower));
        Assert.False(saved.Notifications.Estimate);
        Assert.True(saved.Notifications.Invoice);
        var link = (await host.LoadAsync(company)).Contacts.Single();
        Assert.Equal((person, "Administración", true), (link.PersonId, link.Position, link.IsPrimary));
        var account = (await host.AccountAsync(person))!;
        Assert.Equal((company, PortalPermissions.Invoices | PortalPermissions.Support, false), (account.CustomerId, account.Permissions, account.HasPassword));
        var mails = await host.MailsToAsync(person);
        Assert.Equal([MailKind.Welcome, MailKind.SetPassword], mails.Select(m => m.Kind));
        Assert.All(mails, m => Assert.Equal("Lucia.Marin@Astillero.example", m.ToAddress));
        Assert.StartsWith("Su acceso al portal de clientes de", mails[0].Subject);
        await using var db = host.Db();
        var kinds = await db.History.Where(h => h.ClientId == person || h.ClientId == company).Select(h => new { h.ClientId, h.Kind }).ToListAsync();
        Assert.Equal(
            new[] { HistoryKind.Created, HistoryKind.Linked, HistoryKind.PortalAccessGranted, HistoryKind.WelcomeEmailQueued, HistoryKind.SetPasswordEmailQueued }.Order(),
            kinds.Where(k => k.ClientId == person).Select(k => k.Kind).Order());
        Assert.Equal(
            new[] { HistoryKind.Created, HistoryKind.Linked, HistoryKind.PortalAccessGranted, HistoryKind.WelcomeEmailQueued, HistoryKind.SetPasswordEmailQueued }.Order(),
            kinds.Where(k => k.ClientId == company).Select(k => k.Kind).Order());
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Client && c.Id == company);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Portal && c.Id == person);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_the_email_is_required_unique_among_persons_with_who_uses_it_and_bad_fields_save_nothing(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        await host.CreateAsync(ClientBuilder.Person("Jan", "Kowalski", f => f.Email = "jan@kowalski.example"));
        var before = await host.ContactCountsAsync();

        await Expect.FieldErrorAsync(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact(email: " JAN@Kowalski.example ")),
            nameof(NewContactForm.Email), "Error.EmailUsedBy|Jan Kowalski");
        await Expect.FieldErrorAsync(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact(email: "")), nameof(NewContactForm.Email), "Error.Required");
        await Expect.FieldErrorAsync(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact(email: "not an email")), nameof(NewContactForm.Email), "Error.EmailInvalid");
        var many = await Assert.ThrowsAsync<ValidationFailedException>(() => host.Onboarding().CreateContactAsync(company,
            ContactData.Contact(first: " ", change: f => { f.Password = "short"; f.Position = new string('x', 101); })));
        Assert.Equal("Error.Required", many.Errors[nameof(NewContactForm.FirstName)]);
        Assert.Equal("Error.PasswordTooShort|10", many.Errors[nameof(NewContactForm.Password)]);
        Assert.Equal("Error.TooLong|100", many.Errors[nameof(NewContactForm.Position)]);

        Assert.Equal(before, await host.ContactCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_failure_at_the_last_write_leaves_no_person_link_account_email_or_history(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider, s => s.AddSingleton<IInterceptor, FailOnSetPasswordMail>());
        var company = await host.CreateAsync(ClientBuilder.Company());
        var before = await host.ContactCountsAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact(change: f => f.Password = "a-good-password")));

        Assert.Equal(before, await host.ContactCountsAsync());
        Assert.Equal(1, (await host.LoadAsync(company)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_a_password_typed_by_staff_is_stored_hashed_and_the_contact_can_sign_in_with_it(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var email = "marta@velas.example";
        var (_, person) = await host.CompanyWithContactAsync(f => { f.Email = email; f.Password = "velas-del-norte-2026"; f.SendSetPasswordEmail = false; });

        var account = (await host.AccountAsync(person))!;
        Assert.True(account.HasPassword);
        Assert.DoesNotContain("velas-del-norte-2026", account.PasswordHash);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await host.Get<PortalSignIn>().SignInAsync(email, "velas-del-norte-2026")).Outcome);
        Assert.DoesNotContain(await host.MailsToAsync(person), m => m.Kind == MailKind.SetPassword);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_2_the_first_contact_is_primary_even_unticked_and_a_later_ticked_one_takes_the_primary(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        var defaults = await host.Onboarding().DefaultsAsync(company);
        Assert.True(defaults.FirstContact);

        var first = await host.Onboarding().CreateContactAsync(company, ContactData.Contact("Ana", "Ruiz", change: f => f.Primary = false));
        Assert.False((await host.Onboarding().DefaultsAsync(company)).FirstContact);
        var second = await host.Onboarding().CreateContactAsync(company, ContactData.Contact("Bruno", "Ruiz", change: f => f.Primary = false));
        Assert.Equal([first], (await host.LoadAsync(company)).Contacts.Where(l => l.IsPrimary).Select(l => l.PersonId));

        var third = await host.Onboarding().CreateContactAsync(company, ContactData.Contact("Carla", "Ruiz", change: f => f.Primary = true));

        var links = (await host.LoadAsync(company)).Contacts;
        Assert.Equal([third], links.Where(l => l.IsPrimary).Select(l => l.PersonId));
        Assert.Equal(3, links.Count);
        Assert.Contains(second, links.Select(l => l.PersonId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_3_the_welcome_email_goes_unless_opted_out_or_switched_off_in_settings(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, welcomed) = await host.CompanyWithContactAsync(f => f.SendSetPasswordEmail = false);
        var (_, optedOut) = await host.CompanyWithContactAsync(f => { f.DoNotSendWelcomeEmail = true; f.SendSetPasswordEmail = false; });
        var settings = await host.Get<SettingsService>().PortalAsync();
        await host.Get<SettingsService>().SavePortalAsync(false, settings.DefaultPermissions, settings.Version);
        var (_, switchedOff) = await host.CompanyWithContactAsync(f => f.SendSetPasswordEmail = false);

        var welcome = (await host.MailsToAsync(welcomed)).Single();
        Assert.Equal(MailKind.Welcome, welcome.Kind);
        Assert.Contains("http://localhost:5080/portal/login", welcome.TextBody);
        Assert.Contains("<a href=\"http://localhost:5080/portal/login\">Entrar en el portal</a>", welcome.HtmlBody);
        Assert.Empty(await host.MailsToAsync(optedOut));
        Assert.Empty(await host.MailsToAsync(switchedOff));
        await using var db = host.Db();
        Assert.Equal(1, await db.History.CountAsync(h => h.Kind == HistoryKind.WelcomeEmailQueued && (h.ClientId == welcomed || h.ClientId == optedOut || h.ClientId == switchedOff)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_3_the_emails_speak_the_contacts_language_and_markup_in_a_name_stays_text(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company("Chantier Naval", f => f.Language = "fr"));
        var person = await host.Onboarding().CreateContactAsync(company, ContactData.Contact("<b>Élise</b>", "Dubois", "elise@chantier.example"));

        var mails = await host.MailsToAsync(person);
        Assert.StartsWith("Votre accès au portail client de", mails[0].Subject);
        Assert.StartsWith("Choisissez votre mot de passe", mails[1].Subject);
        Assert.True(mails[0].TextBody.Contains("Bonjour <b>Élise</b> Dubois", StringComparison.Ordinal), mails[0].TextBody);
        Assert.Contains("&lt;b&gt;", mails[0].HtmlBody);
        Assert.Contains("Élise", System.Net.WebUtility.HtmlDecode(mails[0].HtmlBody));
        Assert.DoesNotContain("<b>", mails[0].HtmlBody);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_a_customer_whose_only_contact_was_created_with_invoices_off_gets_no_invoice_email(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person) = await host.CompanyWithContactAsync(f => f.Notifications.Invoice = false);

        await using var db = host.Db();
        var invoice = await CrmBlazor.Domain.Sending.Recipients.ForAsync(db, company, CrmBlazor.Domain.Documents.DocumentType.Invoice, CancellationToken.None);
        var quote = await CrmBlazor.Domain.Sending.Recipients.ForAsync(db, company, CrmBlazor.Domain.Documents.DocumentType.Quote, CancellationToken.None);

        Assert.False(invoice.Single(r => r.ClientId == person).Preselected);
        Assert.True(quote.Single(r => r.ClientId == person).Preselected);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_1_only_staff_create_contacts_and_not_on_an_archived_company(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var company = await host.CreateAsync(ClientBuilder.Company());
        var person = await host.CreateAsync(ClientBuilder.Person());
        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact()));
        await Assert.ThrowsAsync<NotAllowedException>(() => host.Onboarding().DefaultsAsync(company));
        host.Actor.Current = TestActor.Sales;
        await Expect.RefusedAsync(() => host.Onboarding().CreateContactAsync(person, ContactData.Contact()), "Error.LinkNeedsCompanyAndPerson");
        await host.Get<CrmBlazor.Domain.Clients.Archive.ClientArchiveService>().ArchiveAsync([company]);
        await Expect.RefusedAsync(() => host.Onboarding().CreateContactAsync(company, ContactData.Contact()), "Error.ClientArchived");
    }

    /// <summary>Fails the save that writes the set-password email: the last write of "new contact".</summary>
    private sealed class FailOnSetPasswordMail : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added && e.Entity.Kind == MailKind.SetPassword))
                throw new InvalidOperationException("the disk is full");
            return ValueTask.FromResult(result);
        }
    }
}
