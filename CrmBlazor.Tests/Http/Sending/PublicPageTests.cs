using System.Net;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.App;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Http.Sending;

/// <summary>SND-3, SND-4: the public page over HTTP — static HTML, GET and HEAD that change nothing but the view, posts with antiforgery.</summary>
public class PublicPageTests(PublicWebFixture fixture) : IClassFixture<PublicWebFixture>
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_the_page_is_plain_html_in_the_documents_language_with_no_script_and_private_headers(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (id, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var visitor = app.Visitor(fixture.NewAddress());

        var response = await visitor.GetAsync($"/d/{token}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"es\">", html);
        Assert.Contains("Presupuesto Q-2026-", html);
        Assert.Contains("id=\"accept-form\"", html);
        Assert.Contains("action=\"/d/" + token + "/accept\"", html);
        Assert.Contains("Descargar PDF", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=\"pay-form\"", html); // a quote is not paid online
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(DocumentStatus.Viewed, (await app.Db().Documents.SingleAsync(d => d.Id == id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_an_invoice_shows_the_pay_form_with_antiforgery_and_no_answer_forms(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Invoice);
        using var visitor = app.Visitor(fixture.NewAddress());

        var html = await visitor.GetStringAsync($"/d/{token}");
        var pay = await visitor.PostAsync($"/d/{token}/pay", new FormUrlEncodedContent([PublicWebApp.Antiforgery(html)]));

        Assert.Contains("<form method=\"post\" action=\"/d/" + token + "/pay\"", html);
        Assert.Contains("Pagar 108,90", html);
        Assert.DoesNotContain("id=\"accept-form\"", html);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode); // the payments feature's endpoint took the form and its antiforgery token
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_every_kind_of_miss_gets_the_same_neutral_404_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        var (revokedId, revoked) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        await app.AsStaff<PublicLinkService>().RevokeAllAsync(revokedId);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var (_, expired) = await app.IssuedWithLinkAsync(DocumentType.Quote, f => { f.IssueDate = today.AddDays(-40); f.ValidUntil = today.AddDays(-1); });
        using var visitor = app.Visitor(fixture.NewAddress());
        var page = await visitor.GetStringAsync($"/d/{token}");
        var antiforgery = PublicWebApp.Antiforgery(page);
        var before = await app.FootprintAsync();
        string[] misses = [PublicLinkToken.New(), token[..^1], token + "A", token[..^1] + (token[^1] == 'x' ? 'y' : 'x'), revoked, expired, "%2e%2e%2fadmin"];

        var bodies = new HashSet<string>();
        foreach (var miss in misses)
        {
            foreach (var (method, path) in new[] { ("GET", ""), ("HEAD", ""), ("GET", "/pdf"), ("HEAD", "/pdf") })
            {
                var response = await visitor.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/d/{miss}{path}"));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                if (method == "GET") bodies.Add(await response.Content.ReadAsStringAsync());
            }
            foreach (var action in new[] { "accept", "reject" })
            {
                var post = await visitor.PostAsync($"/d/{miss}/{action}", new FormUrlEncodedContent([antiforgery, new("Name", "Ana"), new("Reason", "No")]));
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
                bodies.Add(await post.Content.ReadAsStringAsync());
            }
        }

        var neutral = Assert.Single(bodies);
        Assert.Contains("id=\"not-available\"", neutral);
        Assert.Contains("This page is not available", neutral); // no Accept-Language: English
        Assert.Equal(before, await app.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_5_the_payment_pages_answer_a_bad_link_with_the_neutral_404_page(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        using var visitor = app.Visitor(fixture.NewAddress());
        var bad = PublicLinkToken.New();

        // The same neutral page as every other public miss, not an empty 404.
        foreach (var path in new[] { $"/d/{bad}/payment", $"/d/{bad}/payment/1", $"/pay/sandbox/sbx_{bad}" })
        {
            var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This page is not available", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_the_not_available_page_follows_the_browsers_language(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        using var visitor = app.Visitor(fixture.NewAddress());
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE, pl;q=0.8, en;q=0.5");

        var response = await visitor.GetAsync($"/d/{PublicLinkToken.New()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Ta strona jest niedostępna", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_head_and_the_pdf_change_nothing_and_a_get_records_one_view(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (id, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var scanner = app.Visitor(fixture.NewAddress());
        var before = await app.FootprintAsync();

        var head = await scanner.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/d/{token}"));
        var headPdf = await scanner.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/d/{token}/pdf"));
        var pdf = await scanner.GetAsync($"/d/{token}/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var afterReads = await app.FootprintAsync();
        await scanner.GetAsync($"/d/{token}");
        await scanner.GetAsync($"/d/{token}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (head.StatusCode, headPdf.StatusCode, pdf.StatusCode));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(before, afterReads);
        await using var db = app.Db();
        var link = await db.PublicLinks.SingleAsync(l => l.DocumentId == id);
        Assert.Equal(2, link.Views);
        Assert.Equal(2, await db.PublicLinkViews.CountAsync(v => v.DocumentId == id));
        Assert.Equal(1, db.History.AsEnumerable().Count(h => h.Kind == HistoryKind.DocumentViewed && h.Data!.Contains($"\"DocumentId\":{id},")));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_accept_posts_then_redirects_and_a_second_post_sees_already_accepted(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (id, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        var (other, _) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var visitor = app.Visitor(fixture.NewAddress());
        var antiforgery = PublicWebApp.Antiforgery(await visitor.GetStringAsync($"/d/{token}"));

        var post = await visitor.PostAsync($"/d/{token}/accept", new FormUrlEncodedContent([antiforgery, new("Name", "Ana Pérez"), new("Comment", "Adelante")]));
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(post.Headers.Location!.ToString()));
        var again = await visitor.PostAsync($"/d/{token}/accept", new FormUrlEncodedContent([antiforgery, new("Name", "Otra persona")]));
        var rejected = await visitor.PostAsync($"/d/{token}/reject", new FormUrlEncodedContent([antiforgery, new("Reason", "Caro")]));
        var notice = WebUtility.HtmlDecode(await visitor.GetStringAsync(again.Headers.Location!.ToString()));

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal($"/d/{token}", post.Headers.Location!.ToString());
        Assert.Contains("Aceptado el 26/11/2026 por Ana Pérez", page);
        Assert.Contains("Comentario: Adelante", page);
        Assert.DoesNotContain("id=\"accept-form\"", page);
        Assert.Equal((HttpStatusCode.SeeOther, $"/d/{token}?n=already"), (again.StatusCode, again.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        Assert.Contains("Este documento ya fue aceptado el 26/11/2026 por Ana Pérez.", notice);
        await using var db = app.Db();
        var accepted = await db.Documents.SingleAsync(d => d.Id == id);
        Assert.Equal((DocumentStatus.Accepted, "Ana Pérez", "Adelante"), (accepted.Status, accepted.ResponseName, accepted.ResponseComment));
        Assert.Null((await db.Documents.SingleAsync(d => d.Id == other)).RespondedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_a_post_without_a_valid_antiforgery_token_is_refused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var visitor = app.Visitor(fixture.NewAddress());
        var antiforgery = PublicWebApp.Antiforgery(await visitor.GetStringAsync($"/d/{token}"));
        using var stranger = app.Visitor(fixture.NewAddress());
        var before = await app.FootprintAsync();

        var none = await visitor.PostAsync($"/d/{token}/accept", new FormUrlEncodedContent([new("Name", "Ana Pérez")]));
        var forged = await visitor.PostAsync($"/d/{token}/accept", new FormUrlEncodedContent([new(antiforgery.Key, "forged"), new("Name", "Ana Pérez")]));
        var noCookie = await stranger.PostAsync($"/d/{token}/reject", new FormUrlEncodedContent([antiforgery, new("Reason", "No")]));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], new[] { none.StatusCode, forged.StatusCode, noCookie.StatusCode });
        Assert.Equal(before, await app.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_4_a_missing_name_or_reason_shows_a_message_by_the_field_and_saves_nothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var visitor = app.Visitor(fixture.NewAddress());
        var antiforgery = PublicWebApp.Antiforgery(await visitor.GetStringAsync($"/d/{token}"));
        var before = await app.FootprintAsync();

        var accept = await visitor.PostAsync($"/d/{token}/accept", new FormUrlEncodedContent([antiforgery, new("Name", "  "), new("Comment", "Mi comentario")]));
        var acceptHtml = await accept.Content.ReadAsStringAsync();
        var reject = await visitor.PostAsync($"/d/{token}/reject", new FormUrlEncodedContent([antiforgery, new("Reason", "")]));
        var rejectHtml = await reject.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (accept.StatusCode, reject.StatusCode));
        Assert.Contains("<div class=\"field-error\" id=\"accept-name-error\">Este campo es obligatorio.</div>", acceptHtml);
        Assert.Contains(">Mi comentario</textarea>", acceptHtml);
        Assert.Contains("<div class=\"field-error\" id=\"reject-reason-error\">Este campo es obligatorio.</div>", rejectHtml);
        Assert.Equal(before, await app.FootprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_3_repeated_misses_from_one_address_get_429_until_the_window_passes(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (_, token) = await app.IssuedWithLinkAsync(DocumentType.Quote);
        using var guesser = app.Visitor(fixture.NewAddress());
        using var client = app.Visitor(fixture.NewAddress());

        for (var i = 0; i < PublicWebApp.MissLimit; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/d/{PublicLinkToken.New()}")).StatusCode);
        var limited = await guesser.GetAsync($"/d/{PublicLinkToken.New()}");
        var limitedHit = await guesser.GetAsync($"/d/{token}");
        var otherAddress = await client.GetAsync($"/d/{token}");
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var later = await guesser.GetAsync($"/d/{token}");

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)429, limitedHit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }
}
