using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Tests.Support.App;
using CrmBlazor.Tests.Support.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CrmBlazor.Tests.E2E;

/// <summary>
/// SND-7 in the running app: its background sender delivers a queued email to the pickup folder and the
/// open Mail page shows it sent; a message page offers its attachment to staff only. Keeps screenshots
/// of the list and a message under artifacts/screenshots.
/// </summary>
[Collection(AppCollection.Name)]
public class MailPageTests(AppFixture fixture)
{
    private static readonly string Folder = Path.Combine(Hosting.RootConfiguration.FindRepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task SND_7_the_app_sends_queued_mail_in_the_background_and_the_mail_page_shows_it_live()
    {
        Directory.CreateDirectory(Folder);
        var client = await ActiveCompanyAsync();
        var pdf = MailHost.Pdf(38 * 1024);
        var seeded = await SeedAsync(client.Id, pdf);
        var page = await fixture.SignInAsync();

        await page.GotoAsync($"/mail?client={client.Id}");
        await Blazor.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#mail-table tr.mail-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#mail-table tr.mail-row", new() { HasText = "pablo.ruiz@" }).Locator(".mail-status")).ToHaveTextAsync("Failed");

        // Queued through the same helper a service uses; committing it wakes the sender.
        var queued = await QueueAsync(client.Id, "Recordatorio: factura INV-2026-0042 vence pronto", "marta.lopez@cliente.test", "Marta López");
        var row = page.Locator("#mail-table tr.mail-row", new() { HasText = "marta.lopez@" });
        await Assertions.Expect(row.Locator(".mail-status")).ToHaveTextAsync("Sent");
        var options = fixture.App.Get<MailOptions>();
        Assert.True(File.Exists(Path.Combine(options.PickupFolder, PickupFolderTransport.FileNameFor(queued.MessageId))));
        await Assertions.Expect(page.Locator("#mail-table tr.mail-row")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "mail-list.png"), FullPage = true });

        await page.ClickAsync($"a.mail-subject[href='/mail/{seeded.WithPdf}']");
        await Assertions.Expect(page.Locator("#mail-subject")).ToHaveTextAsync("Factura INV-2026-0041 – Astillero");
        await Assertions.Expect(page.Locator("#mail-text a.mail-link").First).ToHaveAttributeAsync("href", "http://localhost:5080/d/Zm9vYmFyLWRlbW8tdG9rZW4tZm9yLXRoZS1zY3JlZW5zaG90");
        await Assertions.Expect(page.FrameLocator("#mail-html").Locator("a")).ToHaveTextAsync("Ver la factura");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, "mail-message.png"), FullPage = true });

        var href = await page.GetAttributeAsync("#mail-attachments a.mail-attachment", "href");
        var download = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, download.Status);
        Assert.Equal(pdf, await download.BodyAsync());
        var anonymous = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.App.BaseUrl });
        var refused = await anonymous.APIRequest.GetAsync(href!, new() { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
        await anonymous.CloseAsync();
        await page.Context.CloseAsync();
    }

    private sealed record Seeded(long WithPdf);

    /// <summary>Three messages with settled outcomes, claimed in the transaction that adds them so the app's sender never sees them queued.</summary>
    private async Task<Seeded> SeedAsync(long clientId, byte[] pdf)
    {
        var options = fixture.App.Get<MailOptions>();
        var now = DateTime.UtcNow;
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var withPdf = db.Enqueue(new MailDraft(MailKind.Document, "ana.garcia@cliente.test", "Ana García", "Factura INV-2026-0041 – Astillero",
            "Hola Ana:\n\nLe enviamos la factura INV-2026-0041 por 1.210,00 €.\nPuede verla y pagarla aquí:\nhttp://localhost:5080/d/Zm9vYmFyLWRlbW8tdG9rZW4tZm9yLXRoZS1zY3JlZW5zaG90\n\nUn saludo,\nAstillero Norte",
            "<p>Hola Ana:</p><p>Le enviamos la factura <b>INV-2026-0041</b> por 1.210,00 €.</p><p><a href=\"http://localhost:5080/d/Zm9vYmFyLWRlbW8tdG9rZW4tZm9yLXRoZS1zY3JlZW5zaG90\">Ver la factura</a></p><p>Un saludo,<br>Astillero Norte</p>")
        {
            ClientId = clientId,
            Attachments = [new MailAttachment("INV-2026-0041.pdf", "application/pdf", pdf)],
        }, now.AddMinutes(-30), options);
        var retrying = db.Enqueue(Simple(clientId, "Presupuesto Q-2026-0007", "luis.martin@cliente.test", "Luis Martín"), now.AddMinutes(-20), options);
        var failed = db.Enqueue(Simple(clientId, "Albarán DN-2026-0003", "pablo.ruiz@cliente.test", "Pablo Ruiz"), now.AddMinutes(-10), options);
        await db.SaveChangesAsync();
        await OutboxClaim.ClaimAsync(db, now, now.AddMinutes(5), 10, CancellationToken.None);
        foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().ToList()) await entry.ReloadAsync();
        withPdf.MarkSent(now.AddMinutes(-29));
        retrying.MarkAttemptFailed("SMTP smtp.example.test:587: Connection refused", false, now, options.MaxAttempts, TimeSpan.FromMinutes(10));
        failed.MarkAttemptFailed("SMTP 550: 5.1.1 <pablo.ruiz@cliente.test>: Recipient address rejected: no such user", true, now, options.MaxAttempts, TimeSpan.Zero);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return new Seeded(withPdf.Id);
    }

    private async Task<OutboxMessage> QueueAsync(long clientId, string subject, string to, string name)
    {
        var options = fixture.App.Get<MailOptions>();
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        var message = db.Enqueue(Simple(clientId, subject, to, name), DateTime.UtcNow, options);
        await db.SaveChangesAsync(); // the commit wakes the app's sender: no poll interval to wait for
        return message;
    }

    private static MailDraft Simple(long clientId, string subject, string to, string name) =>
        new(MailKind.Document, to, name, subject, $"Hola {name}:\n\n{subject}\n\nUn saludo", $"<p>Hola {name}:</p><p>{subject}</p>") { ClientId = clientId };

    private async Task<(long Id, string Name)> ActiveCompanyAsync()
    {
        await using var db = fixture.App.Get<CrmDbContextFactory>().CreateDbContext();
        // A company of its own: other tests of the collection may mail the first ones.
        var c = await db.Clients.Where(c => c.Kind == ClientKind.Company && c.Status == ClientStatus.Active)
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync();
        return (c.Id, c.Name);
    }
}
