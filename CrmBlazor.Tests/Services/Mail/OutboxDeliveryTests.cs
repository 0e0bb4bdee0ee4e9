using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Mail;
using MimeKit;

namespace CrmBlazor.Tests.Services.Mail;

/// <summary>SND-7: what the outbox delivers to a real SMTP server (aiosmtpd), and what it records.</summary>
public class OutboxDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_a_delivered_message_has_its_stable_message_id_the_pdf_the_text_and_the_html(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port));
        var pdf = MailHost.Pdf();
        var queued = Assert.Single(await host.QueueAsync(MailHost.Draft(pdf: pdf)));

        Assert.Equal(1, await host.Sender().SendDueAsync());

        var mail = Assert.Single(smtp.Messages());
        Assert.Equal(queued.MessageId, mail.MessageId);
        Assert.EndsWith("@crm.astillero.test", mail.MessageId);
        Assert.Equal("Factura INV-2026-0001", mail.Subject);
        Assert.Equal("\"Ana García\" <ana.garcia@cliente.test>", mail.To.ToString());
        Assert.Equal("\"Astillero Norte\" <office@astillero.test>", mail.From.ToString());
        Assert.Contains("https://crm.test/d/abc123", mail.TextBody);
        Assert.Contains("<a href=\"https://crm.test/d/abc123\">ver</a>", mail.HtmlBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(("INV-2026-0001.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());

        var sent = await host.MessageAsync(queued.Id);
        Assert.Equal((MailStatus.Sent, 1, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Null(sent.LockedUntil);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_a_delivered_document_email_marks_the_document_sent_and_goes_into_the_client_history(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port));
        var client = await host.CreateAsync(ClientBuilder.Company());
        var invoice = await host.IssuedAsync(DocumentType.Invoice, client);
        var queued = await host.QueueAsync(
            MailHost.Draft("ana@cliente.test", clientId: client, documentId: invoice),
            MailHost.Draft("luis@cliente.test", clientId: client, documentId: invoice));
        using var feed = new FeedRecorder(host.Feed);

        await host.Sender().SendAllDueAsync();

        Assert.Equal(2, smtp.Count);
        var document = await host.DetailsAsync(invoice);
        Assert.Equal(DocumentStatus.Sent, document.Status);
        var history = await host.Get<HistoryService>().ListAsync(client, HistoryKind.MailSent);
        Assert.Equal(["ana@cliente.test", "luis@cliente.test"], history.Select(h => h.Data!).Select(To).Order());
        Assert.All(history, h => Assert.Equal("System", h.ActorName));
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Document && c.Id == invoice && c.ClientId == client);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.History && c.ClientId == client);
        Assert.All(queued, m => Assert.Contains(feed.Changes, c => c.Topic == Topics.Mail && c.Id == m.Id && c.ClientId == client));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_while_the_server_is_down_a_message_is_retrying_with_the_reason_and_a_backoff_never_sent(DatabaseProvider provider)
    {
        var closedPort = SmtpTestServer.FreePort();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(closedPort));
        var client = await host.CreateAsync(ClientBuilder.Company());
        var queued = Assert.Single(await host.QueueAsync(MailHost.Draft(clientId: client)));
        var start = host.Clock.GetUtcNow().UtcDateTime;

        await host.Sender().SendAllDueAsync();
        var first = await host.MessageAsync(queued.Id);
        Assert.Equal((MailStatus.Retrying, 1, start + MailHost.FirstBackoff), (first.Status, first.Attempts, first.NextAttemptAt));
        Assert.Contains($"127.0.0.1:{closedPort}", first.LastError);
        Assert.Contains("refused", first.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Null(first.SentAt);

        // Not due yet: nothing is claimed, nothing changes.
        host.Clock.Advance(MailHost.FirstBackoff - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.Sender().SendDueAsync());

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await host.Sender().SendAllDueAsync();
        var second = await host.MessageAsync(queued.Id);
        Assert.Equal((MailStatus.Retrying, 2), (second.Status, second.Attempts));
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime + MailHost.SecondBackoff, second.NextAttemptAt);

        // MaxAttempts is 4: the fourth failure is the last.
        for (var i = 0; i < 2; i++)
        {
            host.Clock.Advance(TimeSpan.FromHours(1));
            await host.Sender().SendAllDueAsync();
        }
        var failed = await host.MessageAsync(queued.Id);
        Assert.Equal((MailStatus.Failed, 4, null), (failed.Status, failed.Attempts, failed.SentAt));
        Assert.Contains("refused", failed.LastError, StringComparison.OrdinalIgnoreCase);
        var history = Assert.Single(await host.Get<HistoryService>().ListAsync(client, HistoryKind.MailFailed));
        Assert.Contains("refused", history.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await host.Get<HistoryService>().ListAsync(client, HistoryKind.MailSent));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_a_recipient_the_server_refuses_for_good_is_failed_at_once_and_the_batch_goes_on(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port));
        var queued = await host.QueueAsync(
            MailHost.Draft("ana@cliente.test"),
            MailHost.Draft($"{SmtpTestServer.RejectedPrefix}@cliente.test"),
            MailHost.Draft("a@b@c, other@evil.test"),
            MailHost.Draft("luis@cliente.test"));

        await host.Sender().SendAllDueAsync();

        var after = await host.OutboxAsync();
        Assert.Equal([MailStatus.Sent, MailStatus.Failed, MailStatus.Failed, MailStatus.Sent], after.Select(m => m.Status));
        Assert.Equal(1, after[1].Attempts);
        Assert.StartsWith("SMTP 550:", after[1].LastError);
        Assert.Contains("Recipient address rejected", after[1].LastError);
        Assert.StartsWith("Invalid recipient address", after[2].LastError);
        Assert.Equal(["ana@cliente.test", "luis@cliente.test"], smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Equal(queued.Count, after.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_a_subject_or_name_with_cr_lf_and_markup_adds_no_header_and_a_lone_dot_ends_nothing(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port));
        var draft = new MailDraft(MailKind.Other, "ana@cliente.test", "Ana\r\nX-Injected: name <b>", "Factura\r\nBcc: victim@evil.test\r\n\r\nbody",
            "Line one\r\n.\r\nLine after a lone dot\r\nX-Injected: body", "<p>&lt;script&gt;</p>");
        var queued = Assert.Single(await host.QueueAsync(draft));

        await host.Sender().SendAllDueAsync();

        var mail = Assert.Single(smtp.Messages());
        Assert.Equal(MailStatus.Sent, (await host.MessageAsync(queued.Id)).Status);
        Assert.DoesNotContain(mail.Headers, h => h.Field is "Bcc" or "X-Injected");
        Assert.Empty(mail.Bcc);
        Assert.Equal("Factura Bcc: victim@evil.test body", mail.Subject);
        Assert.Equal("Ana X-Injected: name <b>", mail.To.Mailboxes.Single().Name);
        Assert.Contains("Line after a lone dot", mail.TextBody);
        Assert.Contains("X-Injected: body", mail.TextBody);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_mail_queued_in_a_transaction_wakes_the_sender_when_it_commits_and_not_before(DatabaseProvider provider)
    {
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(SmtpTestServer.FreePort()));
        var signal = host.Get<OutboxSignal>();
        using var feed = new FeedRecorder(host.Feed);
        await using (var db = host.Get<CrmDbContextFactory>().CreateDbContext())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            db.Enqueue(MailHost.Draft(), host.Clock.GetUtcNow().UtcDateTime, host.Get<MailOptions>());
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await using (var db = host.Get<CrmDbContextFactory>().CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Enqueue(MailHost.Draft(), host.Clock.GetUtcNow().UtcDateTime, host.Get<MailOptions>());
            await db.SaveChangesAsync();
            Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
            await tx.CommitAsync();
        }
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Contains(feed.Changes, c => c.Topic == Topics.Mail);

        // Without a transaction of its own, SaveChanges is the commit.
        await using (var db = host.Get<CrmDbContextFactory>().CreateDbContext())
        {
            db.Enqueue(MailHost.Draft(), host.Clock.GetUtcNow().UtcDateTime, host.Get<MailOptions>());
            await db.SaveChangesAsync();
        }
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private static string To(string json) => System.Text.Json.JsonSerializer.Deserialize<MailHistoryData>(json)!.To;
}
