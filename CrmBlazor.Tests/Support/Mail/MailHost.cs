using System.Security.Cryptography;
using System.Text;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Support.Mail;

/// <summary>The domain services plus the outbox, delivering to a test SMTP server or a pickup folder; the test drives the sender.</summary>
public static class MailHost
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan SecondBackoff = TimeSpan.FromMinutes(5);

    public static MailOptions Smtp(int port, Action<MailOptions>? change = null)
    {
        var options = new MailOptions
        {
            Mode = MailMode.Smtp,
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) },
            FromAddress = "office@astillero.test",
            FromName = "Astillero Norte",
            MessageIdDomain = "crm.astillero.test",
            MaxAttempts = 4,
            Backoff = [FirstBackoff, SecondBackoff],
        };
        change?.Invoke(options);
        return options;
    }

    public static MailOptions Pickup(string folder) => Smtp(0, o =>
    {
        o.Mode = MailMode.Pickup;
        o.PickupFolder = folder;
    });

    public static Task<DomainHost> CreateAsync(DatabaseProvider provider, MailOptions options) =>
        DomainHost.CreateAsync(provider, services => services.AddCrmMail(options, Path.GetTempPath()));

    public static OutboxSender Sender(this DomainHost host) => host.Get<OutboxSender>();

    /// <summary>A second sender, as another app instance would run, on the same database.</summary>
    public static OutboxSender AnotherSender(this DomainHost host) => ActivatorUtilities.CreateInstance<OutboxSender>(host.Services);

    public static MailDraft Draft(string to = "ana.garcia@cliente.test", string subject = "Factura INV-2026-0001", long? clientId = null,
        long? documentId = null, byte[]? pdf = null) =>
        new(MailKind.Document, to, "Ana García", subject,
            "Hola Ana,\nsu factura: https://crm.test/d/abc123\nUn saludo",
            "<p>Hola Ana,</p><p>su factura: <a href=\"https://crm.test/d/abc123\">ver</a></p>")
        {
            ClientId = clientId,
            DocumentId = documentId,
            Attachments = pdf is null ? [] : [new MailAttachment("INV-2026-0001.pdf", "application/pdf", pdf)],
        };

    /// <summary>Queues the drafts in one unit of work, as a service would.</summary>
    public static async Task<List<OutboxMessage>> QueueAsync(this DomainHost host, params MailDraft[] drafts)
    {
        var options = host.Services.GetService<MailOptions>() ?? new MailOptions();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using var db = host.Db();
        var messages = drafts.Select(d => db.Enqueue(d, now, options)).ToList();
        await db.SaveChangesAsync();
        return messages;
    }

    public static async Task<List<OutboxMessage>> QueueManyAsync(this DomainHost host, int count, long? clientId = null, byte[]? pdf = null) =>
        await host.QueueAsync(Enumerable.Range(1, count)
            .Select(i => Draft($"client{i:000}@cliente.test", $"Factura {i:000}", clientId, pdf: pdf)).ToArray());

    /// <summary>Runs the sender batch after batch until nothing is due (at the test clock's time).</summary>
    public static async Task<int> SendAllDueAsync(this OutboxSender sender)
    {
        var claimed = 0;
        for (int n; (n = await sender.SendDueAsync()) > 0;) claimed += n;
        return claimed;
    }

    /// <summary>
    /// Gives queued messages an outcome without a server, for pages to show: each is claimed as a sender would,
    /// then <paramref name="outcome"/> decides (MarkSent, MarkAttemptFailed, ...); a message it leaves alone is released.
    /// </summary>
    public static async Task SettleAsync(this DomainHost host, Action<OutboxMessage, DateTime> outcome)
    {
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await using var db = host.Db();
        var ids = await OutboxClaim.ClaimAsync(db, now, now.AddMinutes(5), 500, CancellationToken.None);
        foreach (var message in await db.Outbox.Where(m => ids.Contains(m.Id)).ToListAsync())
        {
            outcome(message, now);
            if (message.Status == MailStatus.Sending) message.Release(now);
        }
        await db.SaveChangesAsync();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(this DomainHost host)
    {
        await using var db = host.Db();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<OutboxMessage> MessageAsync(this DomainHost host, long id)
    {
        await using var db = host.Db();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>A small but valid PDF padded with an incompressible stream to about <paramref name="size"/> bytes, like a real one.</summary>
    public static byte[] Pdf(int size = 40 * 1024)
    {
        var filler = Convert.ToBase64String(RandomNumberGenerator.GetBytes(size * 3 / 4));
        var text = new StringBuilder("%PDF-1.4\n");
        text.Append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        text.Append("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        text.Append("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n");
        text.Append($"4 0 obj << /Length {filler.Length} >> stream\n{filler}\nendstream endobj\n");
        text.Append("trailer << /Root 1 0 R >>\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
