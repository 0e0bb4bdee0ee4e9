using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Contacts;

namespace CrmBlazor.Tests.Services.Contacts;

/// <summary>Contacts sign in to the portal with their email and password (POR-1); archived clients' cannot (ARC-2).</summary>
public class PortalSignInTests
{
    private const string Password = "portal-password-2026";

    private static async Task<(long Company, long Person, string Email)> ContactAsync(DomainHost host, string? password = Password)
    {
        var email = $"contact.{Guid.NewGuid():N}@velas.example";
        var (company, person) = await host.CompanyWithContactAsync(f => { f.Email = email; f.Password = password ?? ""; });
        return (company, person, email);
    }

    private static Task<PortalSignInResult> SignInAsync(DomainHost host, string email, string password) => host.Get<PortalSignIn>().SignInAsync(email, password);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_1_the_right_password_signs_in_and_a_wrong_one_or_an_unknown_address_gets_the_same_refusal(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, person, email) = await ContactAsync(host);

        var signedIn = await SignInAsync(host, "  " + email.ToUpperInvariant() + " ", Password);
        var wrong = await SignInAsync(host, email, Password + "!");
        var unknown = await SignInAsync(host, "nobody@velas.example", Password);

        Assert.Equal(PortalSignInOutcome.SignedIn, signedIn.Outcome);
        var account = (await host.AccountAsync(person))!;
        Assert.Equal((account.Id, account.SecurityStamp), (signedIn.AccountId, signedIn.SecurityStamp));
        Assert.NotNull(account.LastSignInAt);
        Assert.Equal(new PortalSignInResult(PortalSignInOutcome.Refused), wrong);
        Assert.Equal(new PortalSignInResult(PortalSignInOutcome.Refused), unknown);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_1_five_wrong_passwords_lock_the_account_for_15_minutes_then_the_right_one_works_again(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, _, email) = await ContactAsync(host);

        for (var i = 1; i <= 4; i++) Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, email, $"wrong-{i}")).Outcome);
        Assert.Equal(PortalSignInOutcome.LockedOut, (await SignInAsync(host, email, "wrong-5")).Outcome);
        Assert.Equal(PortalSignInOutcome.LockedOut, (await SignInAsync(host, email, Password)).Outcome);
        host.Clock.Advance(PortalSignIn.LockoutTime - TimeSpan.FromSeconds(1));
        Assert.Equal(PortalSignInOutcome.LockedOut, (await SignInAsync(host, email, Password)).Outcome);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PortalSignInOutcome.SignedIn, (await SignInAsync(host, email, Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_1_a_contact_without_a_password_yet_or_without_portal_access_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (_, _, noPassword) = await ContactAsync(host, password: null);
        var (_, removed, removedEmail) = await ContactAsync(host);
        await host.Onboarding().RemoveAccessAsync(removed);

        Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, noPassword, Password)).Outcome);
        Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, noPassword, "")).Outcome);
        Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, removedEmail, Password)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_2_a_contact_of_an_archived_client_cannot_sign_in_and_after_the_restore_can_again(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, person, email) = await ContactAsync(host);
        var (_, archivedPerson, archivedPersonEmail) = await ContactAsync(host);
        var session = (await host.AccountAsync(person))!;
        var archive = host.Get<ClientArchiveService>();

        await archive.ArchiveAsync([company, archivedPerson]);

        Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, email, Password)).Outcome);
        Assert.Equal(PortalSignInOutcome.Refused, (await SignInAsync(host, archivedPersonEmail, Password)).Outcome);
        Assert.Null(await host.Get<PortalSessions>().ResolveAsync(session.Id, session.SecurityStamp));

        await archive.RestoreAsync([company, archivedPerson]);

        Assert.Equal(PortalSignInOutcome.SignedIn, (await SignInAsync(host, email, Password)).Outcome);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await SignInAsync(host, archivedPersonEmail, Password)).Outcome);
        Assert.NotNull(await host.Get<PortalSessions>().ResolveAsync(session.Id, session.SecurityStamp));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_1_contacts_of_a_deactivated_not_archived_client_still_sign_in(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (company, _, email) = await ContactAsync(host);
        await host.DeactivateAsync(company);

        Assert.Equal(ClientStatus.Inactive, (await host.LoadAsync(company)).Status);
        Assert.Equal(PortalSignInOutcome.SignedIn, (await SignInAsync(host, email, Password)).Outcome);
    }
}
