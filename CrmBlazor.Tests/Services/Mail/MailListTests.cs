using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Mail;

namespace CrmBlazor.Tests.Services.Mail;

/// <summary>SND-7: the Mail list pages through every message without reading more than a page, for staff only.</summary>
public class MailListTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_the_mail_list_walks_600_messages_newest_first_reading_no_more_than_a_page(DatabaseProvider provider)
    {
        await using var host = await MailHost.CreateAsync(provider, MailHost.Pickup(Path.GetTempPath()));
        var client = await host.CreateAsync(ClientBuilder.Company());
        await host.QueueManyAsync(300, client);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.QueueManyAsync(300);
        var guard = host.Get<RowReadGuard>();
        guard.Reset();

        var rows = new List<MailRow>();
        for (MailCursor? after = null; ;)
        {
            var page = await host.Get<MailList>().ListAsync(new MailListRequest(After: after));
            Assert.Equal(600, page.Total);
            rows.AddRange(page.Rows);
            if ((after = page.Next) is null) break;
        }
        var ofClient = await host.Get<MailList>().ListAsync(new MailListRequest(ClientId: client, PageSize: 10));

        Assert.Equal(600, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
        Assert.Equal((300, 10), (ofClient.Total, ofClient.Rows.Count));
        Assert.All(ofClient.Rows, r => Assert.Equal(client, r.ClientId));
        Assert.InRange(guard.MaxRowsRead, 1, 60); // a page of 50 and its look-ahead row, never the table
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_7_only_staff_read_the_mail_and_its_attachments(DatabaseProvider provider)
    {
        await using var host = await MailHost.CreateAsync(provider, MailHost.Pickup(Path.GetTempPath()));
        var message = Assert.Single(await host.QueueAsync(MailHost.Draft(pdf: MailHost.Pdf(1_000))));
        var list = host.Get<MailList>();
        var details = await list.GetAsync(message.Id);
        var attachment = Assert.Single(details!.Attachments);
        Assert.Equal(("INV-2026-0001.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
        Assert.Equal(MailHost.Pdf(1_000).Length, attachment.Size);
        Assert.NotNull(await list.GetAttachmentAsync(message.Id, attachment.Id));
        Assert.Null(await list.GetAttachmentAsync(message.Id + 1, attachment.Id));

        host.Actor.Current = Actor.Anonymous;
        await Assert.ThrowsAsync<NotAllowedException>(() => list.ListAsync(new MailListRequest()));
        await Assert.ThrowsAsync<NotAllowedException>(() => list.GetAsync(message.Id));
        await Assert.ThrowsAsync<NotAllowedException>(() => list.GetAttachmentAsync(message.Id, attachment.Id));
    }
}
