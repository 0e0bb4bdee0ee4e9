using CrmBlazor.Domain.Contacts;
using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Hosting;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Contacts;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Http.Portal;

/// <summary>The portal's sign-in and set-password pages over HTTP, with a client that keeps its cookies like a browser (POR-1, ARC-2, CON-4).</summary>
public partial class PortalHttpTests(PublicWebFixture fixture) : IClassFixture<PublicWebFixture>
{
    private const string Password = "portal-password-2026";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_2_an_open_portal_session_is_sent_to_the_sign_in_at_its_next_request_after_the_archive_and_after_the_restore_signs_in_again(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (company, email, name) = await ContactAsync(app);
        using var phone = app.Visitor(fixture.NewAddress());
        await SignInAsync(phone, email, Password);
        var home = await phone.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(name, WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync()));

        await Archive(app).ArchiveAsync([company]);

        var after = await phone.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/portal/login", after.Headers.Location!.OriginalString);
        var refused = await PostLoginAsync(phone, email, Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"portal-login-error\"", await refused.Content.ReadAsStringAsync());

        await Archive(app).RestoreAsync([company]);

        await SignInAsync(phone, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/portal")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_1_a_portal_session_opens_no_staff_page_and_a_staff_session_opens_no_portal_page(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, email, _) = await ContactAsync(app);
        using var contact = app.Visitor(fixture.NewAddress());
        await SignInAsync(contact, email, Password);

        var staffPage = await contact.GetAsync("/companies");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith("/account/login", staffPage.Headers.Location!.OriginalString);

        using var staff = app.Visitor(fixture.NewAddress());
        var login = await staff.GetStringAsync("/account/login");
        var signedIn = await staff.PostAsync("/account/login", new FormUrlEncodedContent(
            [Antiforgery(login), new("email", "admin@demo.local"), new("password", StartupTasks.DemoPassword), new("returnUrl", "/companies")]));
        Assert.True(signedIn.Headers.Location?.OriginalString == "/companies", $"{signedIn.StatusCode} {signedIn.Headers.Location}");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/companies")).StatusCode);
        var portal = await staff.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        Assert.StartsWith("/portal/login", portal.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_4_the_link_page_sets_the_password_once_then_shows_the_neutral_page_and_a_new_link_request_answers_the_same_for_any_address(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, email, _) = await ContactAsync(app, password: "");
        var token = await TokenAsync(app, email);
        using var phone = app.Visitor(fixture.NewAddress());

        var page = await phone.GetAsync($"/portal/set-password/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"set-password-form\"", html);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var mismatch = await phone.PostAsync($"/portal/set-password/{token}", Form(html, ("Password", Password), ("Repeat", "something-else-entirely")));
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("id=\"set-password-repeat-error\"", await mismatch.Content.ReadAsStringAsync());

        var set = await phone.PostAsync($"/portal/set-password/{token}", Form(html, ("Password", Password), ("Repeat", Password)));
        Assert.Equal(HttpStatusCode.SeeOther, set.StatusCode);
        Assert.Equal("/portal/login?n=password-set", set.Headers.Location!.OriginalString);
        await SignInAsync(phone, email, Password);

        var replay = await phone.GetAsync($"/portal/set-password/{token}");
        var gone = await replay.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
        Assert.Contains("id=\"set-password-gone\"", gone);
        Assert.Contains("action=\"/portal/set-password\"", gone);
        var replayPost = await phone.PostAsync($"/portal/set-password/{token}", Form(html, ("Password", "another-password-1"), ("Repeat", "another-password-1")));
        Assert.Equal(HttpStatusCode.NotFound, replayPost.StatusCode);
        var forged = await phone.GetAsync($"/portal/set-password/{CrmBlazor.Domain.Sending.PublicLinkToken.New()}");
        Assert.Equal(NeutralText(gone), NeutralText(await forged.Content.ReadAsStringAsync()));

        var before = await OutboxCountAsync(app);
        var unknown = await phone.PostAsync("/portal/set-password", Form(gone, ("Email", "nobody@nowhere.example")));
        Assert.Equal(before, await OutboxCountAsync(app));
        app.Clock.Advance(SetPasswordService.RequestInterval);
        var known = await phone.PostAsync("/portal/set-password", Form(gone, ("Email", email)));
        Assert.Equal(before + 1, await OutboxCountAsync(app));
        Assert.Equal((HttpStatusCode.SeeOther, "/portal/set-password?n=sent"), (unknown.StatusCode, unknown.Headers.Location!.OriginalString));
        Assert.Equal((HttpStatusCode.SeeOther, "/portal/set-password?n=sent"), (known.StatusCode, known.Headers.Location!.OriginalString));
        Assert.Contains("id=\"set-password-sent\"", await phone.GetStringAsync("/portal/set-password?n=sent"));
    }

    private static async Task<(long Company, string Email, string Name)> ContactAsync(PublicWebApp app, string password = Password)
    {
        var company = await app.AsStaff<ClientService>().CreateAsync(ClientBuilder.Company($"Velas {Guid.NewGuid():N}"[..18]));
        var email = $"contact.{Guid.NewGuid():N}@velas.example";
        var form = ContactData.Contact("Noé", "O'Brien", email, f => { f.Password = password; f.SendSetPasswordEmail = password.Length == 0; });
        await app.AsStaff<ContactOnboardingService>().CreateContactAsync(company, form);
        return (company, email, "Noé O'Brien");
    }

    private static ClientArchiveService Archive(PublicWebApp app) =>
        Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<ClientArchiveService>(app.Services,
            (CrmBlazor.Domain.Common.ICurrentActor)new TestActor(), app.AsStaff<ClientService>());

    private static async Task<string> TokenAsync(PublicWebApp app, string email)
    {
        await using var db = app.Db();
        var mail = await db.Outbox.AsNoTracking().Where(m => m.ToAddress == email && m.Kind == MailKind.SetPassword).OrderBy(m => m.Id).LastAsync();
        return ContactData.TokenIn(mail.TextBody);
    }

    private static async Task<int> OutboxCountAsync(PublicWebApp app)
    {
        await using var db = app.Db();
        return await db.Outbox.CountAsync();
    }

    private static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await PostLoginAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location!.OriginalString);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/portal/login");
        return await client.PostAsync("/portal/login", Form(page, ("Email", email), ("Password", password)));
    }

    private static FormUrlEncodedContent Form(string html, params (string Name, string Value)[] fields) =>
        new([Antiforgery(html), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    private static KeyValuePair<string, string> Antiforgery(string html)
    {
        var m = AntiforgeryInput().Match(html);
        Assert.True(m.Success, "no antiforgery field on the page");
        return new(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    /// <summary>The page without its antiforgery value, which differs per response.</summary>
    private static string NeutralText(string html) => AntiforgeryInput().Replace(html, "");

    [GeneratedRegex("""<input type="hidden" name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]+)"\s*/?>""")]
    private static partial Regex AntiforgeryInput();
}
