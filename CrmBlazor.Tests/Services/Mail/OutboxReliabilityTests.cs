using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Mail;
using MimeKit;

namespace CrmBlazor.Tests.Services.Mail;

/// <summary>SND-7: none lost, none sent twice — a server that goes away mid-batch, two senders, a sender that dies, the pickup folder.</summary>
public class OutboxReliabilityTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_smtp_killed_in_the_middle_of_200_then_back_delivers_every_message_once_but_the_one_in_flight_and_staff_never_see_sent_before(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port));
        var queued = await host.QueueManyAsync(200);
        using var stop = new CancellationTokenSource();
        var sender = host.Sender();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                if (await sender.SendDueAsync() == 0) await Task.Delay(10);
        });

        await smtp.WaitForAsync(30);
        await smtp.StopAsync();
        // Staff look at the list while the server is down, until the sender has given every claim back.
        List<MailRow> seen;
        do
        {
            await Task.Delay(50);
            seen = await AllRowsAsync(host);
        }
        while (seen.Any(r => r.Status == MailStatus.Sending));
        var delivered = smtp.Messages().Select(m => m.MessageId).ToHashSet();
        var byId = queued.ToDictionary(m => m.Id, m => m.MessageId);
        var shownSent = seen.Where(r => r.Status == MailStatus.Sent).Select(r => byId[r.Id]).ToList();
        Assert.All(shownSent, id => Assert.Contains(id, delivered));
        Assert.InRange(shownSent.Count, 30, 199);
        Assert.All(seen.Where(r => r.Status != MailStatus.Sent), r => Assert.Contains(r.Status, new[] { MailStatus.Queued, MailStatus.Retrying }));
        var retrying = Assert.Single(seen, r => r.Status == MailStatus.Retrying);
        Assert.Contains($"127.0.0.1:{smtp.Port}", retrying.LastError);

        await smtp.RestartAsync();
        host.Clock.Advance(MailHost.FirstBackoff);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await host.OutboxAsync()).Any(m => m.Status != MailStatus.Sent))
        {
            if (loop.IsCompleted) await loop; // the sender stopped: show why
            Assert.True(DateTime.UtcNow < deadline, "the outbox did not drain after the server came back");
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await loop;

        // Killed mid-transaction, the server may have stored the message in flight without its "OK" reaching the
        // sender: that one goes again with the same Message-ID (receivers drop it). Every other arrives once.
        var arrived = smtp.Messages().Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Select(m => m.MessageId).Order(), arrived.Distinct().Order());
        Assert.InRange(arrived.Count, 200, 201);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_two_senders_running_at_once_never_deliver_a_message_twice(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await MailHost.CreateAsync(provider, MailHost.Smtp(smtp.Port, o => o.BatchSize = 10));
        var queued = await host.QueueManyAsync(200);

        var claimed = await Task.WhenAll(Task.Run(() => host.Sender().SendAllDueAsync()), Task.Run(() => host.AnotherSender().SendAllDueAsync()));

        Assert.Equal(200, claimed.Sum());
        Assert.All(claimed, n => Assert.True(n > 0, "both senders should have worked"));
        var arrived = smtp.Messages().Select(m => m.MessageId).ToList();
        Assert.Equal(queued.Select(m => m.MessageId).Order(), arrived.Order());
        Assert.All(await host.OutboxAsync(), m => Assert.Equal((MailStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_a_claim_is_left_alone_while_it_lasts_and_taken_over_when_its_sender_died(DatabaseProvider provider)
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        var options = MailHost.Smtp(smtp.Port);
        await using var host = await MailHost.CreateAsync(provider, options);
        var queued = Assert.Single(await host.QueueAsync(MailHost.Draft()));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using (var db = host.Db())
        {
            // A sender claims the message and dies before sending it.
            Assert.Equal([queued.Id], await OutboxClaim.ClaimAsync(db, now, now + options.Lease, 50, CancellationToken.None));
        }
        Assert.Equal(MailStatus.Sending, (await host.MessageAsync(queued.Id)).Status);

        host.Clock.Advance(options.Lease - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await host.AnotherSender().SendDueAsync());
        Assert.Equal(0, smtp.Count);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.AnotherSender().SendDueAsync());
        Assert.Equal(queued.MessageId, Assert.Single(smtp.Messages()).MessageId);
        Assert.Equal(MailStatus.Sent, (await host.MessageAsync(queued.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_pickup_folder_mode_writes_one_eml_per_message_named_after_its_message_id(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crmblazor-tests", $"pickup-{Guid.NewGuid():N}");
        try
        {
            await using var host = await MailHost.CreateAsync(provider, MailHost.Pickup(folder));
            var pdf = MailHost.Pdf(2_000);
            var queued = await host.QueueAsync(MailHost.Draft("ana@cliente.test", pdf: pdf), MailHost.Draft("luis@cliente.test"));

            await host.Sender().SendAllDueAsync();

            var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
            Assert.Equal(queued.Select(m => PickupFolderTransport.FileNameFor(m.MessageId)).Order(), files);
            var first = MimeMessage.Load(Path.Combine(folder, PickupFolderTransport.FileNameFor(queued[0].MessageId)));
            Assert.Equal(queued[0].MessageId, first.MessageId);
            Assert.Equal("ana@cliente.test", first.To.Mailboxes.Single().Address);
            Assert.Equal("INV-2026-0001.pdf", Assert.Single(first.Attachments).ContentDisposition!.FileName);
            Assert.All(await host.OutboxAsync(), m => Assert.Equal(MailStatus.Sent, m.Status));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<MailRow>> AllRowsAsync(DomainHost host)
    {
        var rows = new List<MailRow>();
        var list = host.Get<MailList>();
        for (MailCursor? after = null; ;)
        {
            var page = await list.ListAsync(new MailListRequest(After: after, PageSize: 200));
            rows.AddRange(page.Rows);
            if ((after = page.Next) is null) return rows;
        }
    }
}
