using System.Net;
using CrmBlazor.Domain.Clients.Archive;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Portal;
using CrmBlazor.Domain.Settings;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Http.Portal;

/// <summary>
/// The portal's modules over HTTP (POR-2, CON-5, ARC-2): a contact sees its own customer's records and nothing else,
/// a module without permission is refused even when its URL is typed, every refusal reads like a missing id.
/// </summary>
public class PortalSecurityTests(PublicWebFixture fixture) : IClassFixture<PublicWebFixture>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_customer_As_contact_gets_the_same_neutral_404_for_customer_Bs_document_matter_and_for_ids_that_do_not_exist(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var a = await app.ContactAsync();
        var b = await app.ContactAsync();
        var bQuote = await IssuedAsync(app, DocumentType.Quote, b.CustomerId);
        var bMatter = await SharedMatterAsync(app, b.CustomerId, "Herencia confidencial de B");
        await app.AsStaff<PortalSupportDesk>().AnswerAsync(b.CustomerId, "Mensaje privado para B");
        using var contact = await app.SignedInAsync(fixture.NewAddress(), a);

        var answers = new List<string>();
        foreach (var url in new[] { $"/portal/documents/{bQuote}", $"/portal/documents/{bQuote}/pdf", $"/portal/matters/{bMatter}",
                     "/portal/documents/987654321", "/portal/matters/987654321" })
        {
            var response = await contact.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            answers.Add(PortalWeb.WithoutTokens(await response.Content.ReadAsStringAsync()));
        }
        Assert.Single(answers.Distinct());
        Assert.Contains("id=\"not-available\"", answers[0]);
        Assert.DoesNotContain("Herencia", answers[0]);

        var accept = await contact.PostFormAsync("/portal/documents", $"/portal/documents/{bQuote}/accept", ("Comment", "sí"));
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        var pay = await contact.PostFormAsync("/portal/documents", $"/portal/documents/{bQuote}/pay");
        Assert.Equal(HttpStatusCode.NotFound, pay.StatusCode);
        await using (var db = app.Db()) Assert.Equal(DocumentStatus.Issued, (await db.Documents.SingleAsync(d => d.Id == bQuote)).Status);

        var lists = await contact.GetStringAsync("/portal/documents") + await contact.GetStringAsync("/portal/matters") + await contact.GetStringAsync("/portal/support");
        Assert.DoesNotContain($"/portal/documents/{bQuote}\"", lists);
        Assert.DoesNotContain("Herencia confidencial", lists);
        Assert.DoesNotContain("Mensaje privado para B", lists);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_a_contact_without_the_invoices_permission_is_refused_its_own_customers_invoice_even_typed_by_hand(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var quotesOnly = await app.ContactAsync(PortalPermissions.Estimates);
        var invoice = await IssuedAsync(app, DocumentType.Invoice, quotesOnly.CustomerId);
        var quote = await IssuedAsync(app, DocumentType.Quote, quotesOnly.CustomerId);
        using var contact = await app.SignedInAsync(fixture.NewAddress(), quotesOnly);

        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/portal/documents/{invoice}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync($"/portal/documents/{invoice}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.PostFormAsync("/portal/documents", $"/portal/documents/{invoice}/pay")).StatusCode);
        var list = await contact.GetStringAsync("/portal/documents");
        Assert.Contains($"href=\"/portal/documents/{quote}\"", list);
        Assert.DoesNotContain($"href=\"/portal/documents/{invoice}\"", list);
        Assert.Equal(HttpStatusCode.OK, (await contact.GetAsync($"/portal/documents/{quote}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_without_the_support_permission_support_is_absent_from_the_nav_and_its_urls_are_refused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var noSupport = await app.ContactAsync(PortalPermissions.All & ~PortalPermissions.Support);
        using var contact = await app.SignedInAsync(fixture.NewAddress(), noSupport);

        var home = await contact.GetStringAsync("/portal");
        Assert.DoesNotContain("portal-nav-support", home);
        Assert.Contains("portal-nav-documents", home);
        Assert.Equal(HttpStatusCode.NotFound, (await contact.GetAsync("/portal/support")).StatusCode);
        var post = await contact.PostFormAsync("/portal", "/portal/support", ("Body", "¿Hola?"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.Db();
        Assert.False(await db.SupportMessages.AnyAsync(m => m.CustomerId == noSupport.CustomerId));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_an_empty_support_message_is_a_field_error_on_the_page_and_a_good_one_is_saved_then_shown(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var a = await app.ContactAsync();
        using var contact = await app.SignedInAsync(fixture.NewAddress(), a);

        var empty = await contact.PostFormAsync("/portal/support", "/portal/support", ("Body", "   "));
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("id=\"support-body-error\">This field is required.", html);
        await using (var db = app.Db()) Assert.False(await db.SupportMessages.AnyAsync(m => m.CustomerId == a.CustomerId));

        var sent = await contact.PostFormAsync("/portal/support", "/portal/support", ("Body", "¿Cuándo sale el barco del varadero?"));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Contains("¿Cuándo sale el barco del varadero?", WebUtility.HtmlDecode(await contact.GetStringAsync("/portal/support")));
        var withoutToken = await contact.PostAsync("/portal/support", new FormUrlEncodedContent([new("Body", "sin token")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_accept_from_the_portal_redirects_to_the_document_which_then_stands_accepted_in_the_contacts_name(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var a = await app.ContactAsync();
        var quote = await IssuedAsync(app, DocumentType.Quote, a.CustomerId);
        using var contact = await app.SignedInAsync(fixture.NewAddress(), a);

        var noReason = await contact.PostFormAsync($"/portal/documents/{quote}", $"/portal/documents/{quote}/reject", ("Comment", ""));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("id=\"reject-reason-error\">This field is required.", await noReason.Content.ReadAsStringAsync());

        var accepted = await contact.PostFormAsync($"/portal/documents/{quote}", $"/portal/documents/{quote}/accept", ("Comment", "Adelante"));
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal($"/portal/documents/{quote}", accepted.Headers.Location!.OriginalString);
        var page = await contact.GetStringAsync($"/portal/documents/{quote}");
        Assert.Contains("data-status=\"Accepted\"", page);
        Assert.DoesNotContain("id=\"portal-accept-form\"", page);
        await using var db = app.Db();
        var stored = await db.Documents.SingleAsync(d => d.Id == quote);
        Assert.Equal((DocumentStatus.Accepted, a.Name), (stored.Status, stored.ResponseName));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task POR_2_portal_pages_speak_the_contacts_language_and_are_private(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var french = await app.ContactAsync(language: "fr");
        using var contact = await app.SignedInAsync(fixture.NewAddress(), french);

        var response = await contact.GetAsync("/portal/support");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Votre message", html);
        Assert.Contains("Aucun message pour l&#x27;instant", html);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARC_2_archiving_the_customer_ends_its_contacts_open_portal_session_at_the_next_request(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var a = await app.ContactAsync();
        using var contact = await app.SignedInAsync(fixture.NewAddress(), a);
        Assert.Equal(HttpStatusCode.OK, (await contact.GetAsync("/portal/documents")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<ClientArchiveService>(scope.ServiceProvider, (CrmBlazor.Domain.Common.ICurrentActor)new TestActor()).ArchiveAsync([a.CustomerId]);

        var next = await contact.GetAsync("/portal/documents");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/portal/login", next.Headers.Location!.OriginalString);
    }

    private static async Task<long> IssuedAsync(PublicWebApp app, DocumentType type, long clientId)
    {
        var rates = await app.AsStaff<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var documents = app.AsStaff<DocumentService>();
        var id = await documents.CreateDraftAsync(new DocumentForm
        {
            Type = type, ClientId = clientId, Language = "es", Currency = "EUR", IssueDate = today,
            DueDate = type.HasDueDate() ? today.AddDays(30) : null, ValidUntil = type.HasValidUntil() ? today.AddDays(30) : null,
            Lines = [new LineInput { Description = "Reparación del casco", Quantity = 2, Unit = "h", UnitPriceMinor = 45_00, TaxRateId = DocumentBuilder.Rate(rates, 21m, "ES") }],
        });
        await documents.IssueAsync(id);
        return id;
    }

    private static async Task<long> SharedMatterAsync(PublicWebApp app, long clientId, string title)
    {
        await using var db = app.Db();
        var admin = await db.Users.Select(u => u.Id).FirstOrDefaultAsync();
        if (admin is null)
        {
            db.Users.Add(new CrmBlazor.Domain.Users.AppUser { Id = TestActor.Admin.UserId!, UserName = "admin-1@example.com", Email = "admin-1@example.com", DisplayName = TestActor.Admin.Name });
            await db.SaveChangesAsync();
            admin = TestActor.Admin.UserId!;
        }
        return await app.AsStaff<MatterService>().CreateAsync(new MatterForm
        {
            Title = title, ResponsibleUserId = admin, Parties = [new PartyInput(clientId, PartyRole.Client, true, true)], IntervenantIds = [],
        });
    }
}
