using System.Data.Common;
using System.Text.RegularExpressions;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Localization;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Sending;

/// <summary>The email itself (SND-2), one outbox row per recipient in one transaction, and the history (SND-6).</summary>
public partial class DocumentSendingTests
{
    private static async Task<int> SendDraftAsync(DomainHost host, long documentId, Action<SendRequest>? change = null)
    {
        var draft = await host.Sending().PrepareAsync(documentId);
        var request = new SendRequest
        {
            DocumentId = documentId, ExpectedVersion = draft.Version, Subject = draft.Subject, Body = draft.Body,
            ContactIds = draft.Recipients.Where(r => r.Preselected).Select(r => r.ClientId).ToList(),
        };
        change?.Invoke(request);
        return await host.Sending().SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_the_template_follows_the_document_language_and_the_pdf_is_attached(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        await host.ChangeSettingsAsync(s => s.CompanyName = "Taller Náutico SL");
        var person = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak"));
        var expected = new Dictionary<string, (string Subject, string Greeting)>
        {
            ["en"] = ("Invoice", "Hello Zofia Nowak"), ["es"] = ("Factura", "Hola Zofia Nowak"),
            ["fr"] = ("Facture", "Bonjour Zofia Nowak"), ["pl"] = ("Faktura", "Dzień dobry Zofia Nowak"),
        };

        foreach (var (language, (subject, greeting)) in expected)
        {
            var id = await host.IssuedAsync(DocumentType.Invoice, person, f => f.Language = language);
            var number = (await host.DetailsAsync(id)).Number!;
            var draft = await host.Sending().PrepareAsync(id);

            Assert.Equal($"{subject} {number} {(language == "pl" ? "od" : language == "en" ? "from" : "de")} Taller Náutico SL", draft.Subject);
            Assert.StartsWith(greeting, draft.Body);
            Assert.Contains(number, draft.Body);
            Assert.Contains(EmailTemplates.Values(await DocumentAsync(host, id), "", "", default)["total"], draft.Body);
            Assert.Equal(number + ".pdf", draft.AttachmentName);

            await SendDraftAsync(host, id);
            var message = (await host.OutboxAsync()).Last();
            Assert.Equal(draft.Subject, message.Subject);
            var pdf = Assert.Single(message.Attachments);
            Assert.Equal((number + ".pdf", "application/pdf"), (pdf.FileName, pdf.ContentType));
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf.Content));
            Assert.Contains(EmailComposer.Label(language, LinkKind.View), message.TextBody);
        }
    }

    [Fact]
    public void SND_2_every_template_exists_in_every_language_with_the_same_placeholders()
    {
        static HashSet<string> KeysOf(string language) => TextCatalogue.Default.Keys(language)
            .Where(k => k.StartsWith(EmailTemplates.KeyPrefix, StringComparison.Ordinal)).Select(k => k[EmailTemplates.KeyPrefix.Length..]).ToHashSet();
        var english = KeysOf("en");
        foreach (var language in SupportedLanguages.All)
        {
            Assert.Equal(english, KeysOf(language));
            foreach (var key in english)
            {
                Assert.Equal(Placeholders(EmailTemplates.Get("en", key)), Placeholders(EmailTemplates.Get(language, key)));
                if (language != "en" && key.EndsWith("Body", StringComparison.Ordinal)) Assert.NotEqual(EmailTemplates.Get("en", key), EmailTemplates.Get(language, key));
            }
        }
        foreach (var type in Enum.GetValues<DocumentType>()) Assert.Contains($"{type}.Subject", english);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.Quote, "Sandbox", new[] { LinkKind.View, LinkKind.Accept, LinkKind.Reject })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.Proforma, "Sandbox", new[] { LinkKind.View, LinkKind.Accept, LinkKind.Reject, LinkKind.Pay })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.Invoice, "Sandbox", new[] { LinkKind.View, LinkKind.Pay })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.Invoice, "None", new[] { LinkKind.View })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.Proforma, "None", new[] { LinkKind.View, LinkKind.Accept, LinkKind.Reject })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.DeliveryNote, "Sandbox", new[] { LinkKind.View })]
    [InlineData(DatabaseProvider.Sqlite, DocumentType.CreditNote, "Stripe", new[] { LinkKind.View })]
    [InlineData(DatabaseProvider.Postgres, DocumentType.Quote, "Sandbox", new[] { LinkKind.View, LinkKind.Accept, LinkKind.Reject })]
    [InlineData(DatabaseProvider.Postgres, DocumentType.Invoice, "Sandbox", new[] { LinkKind.View, LinkKind.Pay })]
    [InlineData(DatabaseProvider.Postgres, DocumentType.Invoice, "None", new[] { LinkKind.View })]
    public async Task SND_2_links_per_type_and_gateway_all_on_the_public_base_url_with_one_link_per_recipient(
        DatabaseProvider provider, DocumentType type, string gateway, LinkKind[] expected)
    {
        await using var host = await SendingHost.CreateAsync(provider, gateway);
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null), ("Bruno", null));
        var id = await host.IssuedAsync(type, company);

        Assert.Equal(expected, (await host.Sending().PrepareAsync(id)).Links);
        Assert.Equal(2, await SendDraftAsync(host, id));

        var messages = await host.OutboxAsync();
        var tokens = new List<string>();
        foreach (var message in messages)
        {
            var urls = Urls().Matches(message.TextBody).Select(m => m.Value).ToList();
            var token = urls[0][(SendingHost.PublicBaseUrl + "/d/").Length..];
            Assert.Equal(expected.Select(k => EmailComposer.Url(new SendingOptions { PublicBaseUrl = SendingHost.PublicBaseUrl }, token, k)), urls);
            Assert.True(PublicLinkToken.LooksValid(token));
            Assert.Equal(urls, Hrefs().Matches(message.HtmlBody).Select(m => m.Groups[1].Value));
            Assert.All(urls, u => Assert.StartsWith(SendingHost.PublicBaseUrl + "/d/", u));
            Assert.EndsWith("@mail.example.test", message.MessageId);
            tokens.Add(token);
        }
        await using var db = host.Db();
        var links = await db.PublicLinks.OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(messages.Select(m => m.ToAddress), links.Select(l => l.RecipientEmail));
        Assert.Equal(tokens.Select(PublicLinkToken.Hash), links.Select(l => l.TokenHash));
        Assert.DoesNotContain(tokens[0], string.Join("|", links.Select(l => l.TokenHash)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_markup_and_line_breaks_in_names_and_staff_text_are_encoded(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        const string evilName = "Evil <a href=\"http://phish.example\">Co</a>\r\nBcc: victim@example.com";
        var company = await host.CreateAsync(ClientBuilder.Company(evilName, f => f.Language = "en"));
        var id = await host.IssuedAsync(DocumentType.Invoice, company, f => f.Language = "en");
        var draft = await host.Sending().PrepareAsync(id);

        await SendDraftAsync(host, id, r =>
        {
            r.Emails = ["ap@evil.example"];
            r.Subject = draft.Subject + "\r\nBcc: victim@example.com\nX-Evil: 1";
            r.Body = draft.Body + "\n\n<script>alert(1)</script><a href=\"http://phish.example/pay\">pay here</a>";
        });

        var message = Assert.Single(await host.OutboxAsync());
        Assert.DoesNotContain('\r', message.Subject);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.Contains("Bcc: victim@example.com X-Evil: 1", message.Subject);
        Assert.DoesNotContain("<script>", message.HtmlBody);
        Assert.DoesNotContain("phish.example\">", message.HtmlBody);
        Assert.Contains("&lt;a href=&quot;http://phish.example/pay&quot;&gt;pay here&lt;/a&gt;", message.HtmlBody);
        Assert.Contains("Evil &lt;a href=", message.HtmlBody);
        // The only anchors are the server's own links.
        Assert.All(Hrefs().Matches(message.HtmlBody).Select(m => m.Groups[1].Value), href => Assert.StartsWith(SendingHost.PublicBaseUrl + "/d/", href));
        Assert.Equal(2, Regex.Matches(message.HtmlBody, "<a ").Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_a_failure_in_the_middle_of_the_transaction_leaves_nothing(DatabaseProvider provider)
    {
        var failing = new FailAfterHistoryInsert();
        await using var host = await SendingHost.CreateAsync(provider, more: s => s.AddSingleton<IInterceptor>(failing));
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null), ("Bruno", null), ("Carla", null));
        var id = await host.IssuedAsync(DocumentType.Invoice, company);
        var before = await host.SendingCountsAsync();

        failing.Armed = true;
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => SendDraftAsync(host, id));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        failing.Armed = false;

        Assert.True(failing.Fired);
        Assert.Equal(before, await host.SendingCountsAsync());
        Assert.Equal(3, await SendDraftAsync(host, id));
        Assert.Equal(before.Outbox + 3, (await host.SendingCountsAsync()).Outbox);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_each_queued_email_goes_into_the_client_history_and_is_published_after_commit(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, people) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null), ("Bruno", null));
        var id = await host.IssuedAsync(DocumentType.Quote, company);
        var seen = new List<int>();
        using var recorder = new FeedRecorder(host.Feed, async c =>
        {
            await using var db = host.Db();
            seen.Add(await db.Outbox.CountAsync());
        });

        await SendDraftAsync(host, id);

        await using var check = host.Db();
        var history = await check.History.Where(h => h.ClientId == company && h.Kind == HistoryKind.DocumentQueued).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([await host.EmailOfAsync(people[0]), await host.EmailOfAsync(people[1])],
            history.Select(h => System.Text.Json.JsonSerializer.Deserialize<SendingData>(h.Data!)!.Email).ToArray());
        Assert.All(history, h => Assert.Equal(TestActor.Admin.Name, h.ActorName));
        Assert.Contains(recorder.Changes, c => c.Topic == Topics.Document && c.Id == id && c.ClientId == company);
        Assert.Contains(recorder.Changes, c => c.Topic == Topics.History && c.ClientId == company);
        Assert.All(seen, count => Assert.Equal(2, count));
        Assert.Equal(MailStatus.Queued, (await host.Sending().SendingsAsync(id)).Select(r => r.Status).Distinct().Single());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_a_document_changed_since_the_dialog_opened_is_not_sent(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var person = await host.CreateAsync(ClientBuilder.Person());
        var id = await host.IssuedAsync(DocumentType.Invoice, person);
        var draft = await host.Sending().PrepareAsync(id);
        await host.Documents().CancelAsync(id, draft.Version);

        await Assert.ThrowsAsync<DomainException>(() => host.Sending().SendAsync(new SendRequest
        {
            DocumentId = id, ExpectedVersion = draft.Version, ContactIds = [person], Subject = draft.Subject, Body = draft.Body,
        }));
        Assert.Equal(0, (await host.SendingCountsAsync()).Outbox);
    }

    private static async Task<Document> DocumentAsync(DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{\w+\}").Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Urls();

    [GeneratedRegex("<a href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();

    /// <summary>Lets the history insert run, then fails: the outbox rows and links written before it must roll back.</summary>
    private sealed class FailAfterHistoryInsert : DbCommandInterceptor
    {
        public volatile bool Armed;
        public volatile bool Fired;

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"History\"", StringComparison.Ordinal))
            {
                Fired = true;
                throw new InvalidOperationException("simulated failure after the history insert");
            }
            return base.ReaderExecutedAsync(command, eventData, result, ct);
        }
    }
}
