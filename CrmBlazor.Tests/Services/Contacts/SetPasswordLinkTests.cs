using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Contacts;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Contacts;

/// <summary>The set-password link (CON-4): once, for 48 hours inclusive, for its own account only.</summary>
public class SetPasswordLinkTests
{
    private const string Password = "a-long-enough-password";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_the_link_works_up_to_and_including_the_48th_hour(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, onTime) = await host.CompanyWithContactAsync();
        var (_, late) = await host.CompanyWithContactAsync();
        var onTimeToken = await host.LinkTokenAsync(onTime);
        var lateToken = await host.LinkTokenAsync(late);
        var stored = await host.Db().SetPasswordTokens.AsNoTracking().OrderBy(t => t.Id).FirstAsync();
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.NotEqual(onTimeToken, stored.TokenHash);
        Assert.Equal(43, onTimeToken.Length);

        host.Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMilliseconds(1));
        Assert.True(await host.SetPassword().IsUsableAsync(onTimeToken));
        host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // exactly 48:00:00.000
        Assert.True(await host.SetPassword().IsUsableAsync(lateToken));
        Assert.True(await host.SetPassword().SetAsync(onTimeToken, Password, Password));
        host.Clock.Advance(TimeSpan.FromMilliseconds(1)); // 48:00:00.001
        Assert.False(await host.SetPassword().IsUsableAsync(lateToken));
        Assert.False(await host.SetPassword().SetAsync(lateToken, Password, Password));

        Assert.True((await host.AccountAsync(onTime))!.HasPassword);
        Assert.False((await host.AccountAsync(late))!.HasPassword);
        Assert.Null((await host.Db().SetPasswordTokens.AsNoTracking().SingleAsync(t => t.TokenHash == CrmBlazor.Domain.Sending.PublicLinkToken.Hash(lateToken))).UsedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_the_link_works_once_a_replay_is_refused_and_of_two_concurrent_uses_one_wins(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person) = await host.CompanyWithContactAsync();
        var token = await host.LinkTokenAsync(person);

        Assert.True(await host.SetPassword().SetAsync(token, Password, Password));
        var stamp = (await host.AccountAsync(person))!.SecurityStamp;
        Assert.False(await host.SetPassword().SetAsync(token, "someone-else-typed-this", "someone-else-typed-this"));
        Assert.Equal(stamp, (await host.AccountAsync(person))!.SecurityStamp);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await host.Get<PortalSignIn>().SignInAsync(await EmailAsync(host, person), Password)).Outcome);
        await using (var db = host.Db())
        {
            Assert.Equal(2, await db.History.CountAsync(h => h.Kind == HistoryKind.PortalPasswordSet && (h.ClientId == person || h.ClientId == company)));
        }

        var (_, raced) = await host.CompanyWithContactAsync();
        var racedToken = await host.LinkTokenAsync(raced);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(() => host.SetPassword().SetAsync(racedToken, $"racing-password-{i}", $"racing-password-{i}"))));
        Assert.Equal(1, results.Count(r => r));
        var winner = Array.IndexOf(results, true);
        var email = await EmailAsync(host, raced);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await host.Get<PortalSignIn>().SignInAsync(email, $"racing-password-{winner}")).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_the_token_of_contact_A_never_changes_the_password_of_contact_B(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, a) = await host.CompanyWithContactAsync();
        var b = await host.Onboarding().CreateContactAsync(company, ContactData.Contact("Bruno", "Ruiz", change: f => f.Password = "brunos-own-password"));
        var bBefore = (await host.AccountAsync(b))!;

        Assert.True(await host.SetPassword().SetAsync(await host.LinkTokenAsync(a), Password, Password));

        var bAfter = (await host.AccountAsync(b))!;
        Assert.Equal((bBefore.PasswordHash, bBefore.SecurityStamp), (bAfter.PasswordHash, bAfter.SecurityStamp));
        Assert.True((await host.AccountAsync(a))!.HasPassword);
        Assert.Equal(PortalSignInOutcome.Refused, (await host.Get<PortalSignIn>().SignInAsync(await EmailAsync(host, b), Password)).Outcome);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await host.Get<PortalSignIn>().SignInAsync(await EmailAsync(host, b), "brunos-own-password")).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_a_link_of_a_deleted_contact_does_not_open_the_account_of_the_contact_recreated_with_the_same_email(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person) = await host.CompanyWithContactAsync(f => f.Email = "eva@velas.example");
        var oldToken = await host.LinkTokenAsync(person);
        var archive = host.Get<ClientArchiveService>();
        await archive.ArchiveAsync([person]);
        await archive.DeletePermanentlyAsync(person, (await host.LoadAsync(person)).Name);
        var again = await host.Onboarding().CreateContactAsync(company, ContactData.Contact(email: "eva@velas.example", change: f => f.SendSetPasswordEmail = false));

        Assert.False(await host.SetPassword().IsUsableAsync(oldToken));
        Assert.False(await host.SetPassword().SetAsync(oldToken, Password, Password));
        Assert.False((await host.AccountAsync(again))!.HasPassword);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_a_refused_password_is_a_field_error_and_leaves_the_link_usable(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, person) = await host.CompanyWithContactAsync();
        var token = await host.LinkTokenAsync(person);

        await Expect.FieldErrorAsync(() => host.SetPassword().SetAsync(token, "short", "short"), "Password", "Error.PasswordTooShort|10");
        await Expect.FieldErrorAsync(() => host.SetPassword().SetAsync(token, Password, Password + "x"), "Repeat", "Error.PasswordsDiffer");

        Assert.True(await host.SetPassword().IsUsableAsync(token));
        Assert.False((await host.AccountAsync(person))!.HasPassword);
        Assert.True(await host.SetPassword().SetAsync(token, Password, Password));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_a_new_link_is_sent_only_to_a_contact_with_access_of_a_client_not_archived_and_not_twice_in_a_row(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, person) = await host.CompanyWithContactAsync(f => f.SendSetPasswordEmail = false);
        var (archivedCompany, archived) = await host.CompanyWithContactAsync(f => f.SendSetPasswordEmail = false);
        var noAccess = await host.CreateAsync(ClientBuilder.Person("Iker", "Sin", f => f.Email = "iker@sin.example"));
        await host.Get<ClientArchiveService>().ArchiveAsync([archivedCompany]);
        var before = await host.ContactCountsAsync();

        await host.SetPassword().RequestNewLinkAsync("nobody@nowhere.example");
        await host.SetPassword().RequestNewLinkAsync("iker@sin.example");
        await host.SetPassword().RequestNewLinkAsync(await EmailAsync(host, archived));
        Assert.Equal(before, await host.ContactCountsAsync());

        await host.SetPassword().RequestNewLinkAsync("  " + (await EmailAsync(host, person)).ToUpperInvariant());
        await host.SetPassword().RequestNewLinkAsync(await EmailAsync(host, person)); // a second ask right away sends nothing
        Assert.Single(await host.MailsToAsync(person), m => m.Kind == MailKind.SetPassword);
        host.Clock.Advance(SetPasswordService.RequestInterval);
        await host.SetPassword().RequestNewLinkAsync(await EmailAsync(host, person));
        var links = (await host.MailsToAsync(person)).Where(m => m.Kind == MailKind.SetPassword).ToList();
        Assert.Equal(2, links.Count);
        Assert.True(await host.SetPassword().SetAsync(ContactData.TokenIn(links[1].TextBody), Password, Password));
        Assert.False(await host.SetPassword().IsUsableAsync(ContactData.TokenIn(links[0].TextBody))); // older links die with the old password
        _ = noAccess;
    }

    private static async Task<string> EmailAsync(DomainHost host, long personId) => (await host.LoadAsync(personId)).Email;
}
