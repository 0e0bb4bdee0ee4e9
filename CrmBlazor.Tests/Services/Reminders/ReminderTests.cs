using System.Text.Json;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Mail;
using CrmBlazor.Domain.Reminders;
using CrmBlazor.Domain.Sending;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Services.Reminders;

/// <summary>Automatic payment reminders: levels in order, never twice, catch-up after downtime, holds (DEA-3), history (SND-6).</summary>
public class ReminderTests
{
    private sealed record Setup(DomainHost Host, long Company, long Invoice, DateOnly Due);

    private static async Task<Setup> OverdueInvoiceAsync(DomainHost host, string language = "en")
    {
        var (company, _) = await host.CompanyWithContactsAsync("Astillero Norte SL", ("Ana", null));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company, f => f.Language = language);
        return new Setup(host, company, invoice, (await host.DetailsAsync(invoice)).DueDate!.Value);
    }

    /// <summary>Moves the clock forward to <paramref name="days"/> after the due date, at 09:00.</summary>
    private static DateTime At(Setup s, int days)
    {
        var target = s.Due.AddDays(days).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var now = s.Host.Clock.GetUtcNow().UtcDateTime;
        Assert.True(target >= now, "the test clock only moves forward");
        s.Host.Clock.Advance(target - now);
        return target;
    }

    private static Task<ReminderRun> RunAsync(Setup s) => s.Host.Get<ReminderService>().RunAsync(s.Host.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The levels sent for the invoice, "1,2".</summary>
    private static async Task<string> LevelsAsync(Setup s)
    {
        await using var db = s.Host.Db();
        return string.Join(",", await db.RemindersSent.Where(r => r.DocumentId == s.Invoice).OrderBy(r => r.Level).Select(r => r.Level).ToArrayAsync());
    }

    private static async Task<int> RemindersInOutboxAsync(Setup s)
    {
        await using var db = s.Host.Db();
        return await db.Outbox.CountAsync(m => m.DocumentId == s.Invoice && m.Kind == MailKind.Reminder);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_levels_3_10_30_go_out_on_their_day_in_order_once_each_and_into_the_history(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await OverdueInvoiceAsync(host);

        At(s, 2);
        await RunAsync(s);
        Assert.Equal("", await LevelsAsync(s));
        foreach (var (day, levels) in new[] { (3, "1"), (9, "1"), (10, "1,2"), (29, "1,2"), (30, "1,2,3"), (90, "1,2,3") })
        {
            At(s, day);
            await RunAsync(s);
            await RunAsync(s);
            Assert.Equal(levels, await LevelsAsync(s));
        }

        Assert.Equal(3, await RemindersInOutboxAsync(s));
        await using var db = host.Db();
        var history = await db.History.Where(h => h.ClientId == s.Company && h.Kind == HistoryKind.ReminderQueued).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([1, 2, 3], history.Select(h => JsonSerializer.Deserialize<ReminderData>(h.Data!)!.Level));
        Assert.All(history, h => Assert.Equal(Actor.System.Name, h.ActorName));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_after_downtime_only_the_lowest_missing_level_goes_out_and_the_next_waits_the_gap(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await OverdueInvoiceAsync(host);

        // Down until day 35: every level is due by the calendar, but only level 1 goes out.
        At(s, 35);
        await RunAsync(s);
        await RunAsync(s);
        Assert.Equal("1", await LevelsAsync(s));
        // Level 2 waits 10 - 3 = 7 days after level 1.
        At(s, 41);
        await RunAsync(s);
        Assert.Equal("1", await LevelsAsync(s));
        At(s, 42);
        await RunAsync(s);
        Assert.Equal("1,2", await LevelsAsync(s));
        // Level 3 waits 30 - 10 = 20 days after level 2.
        At(s, 61);
        await RunAsync(s);
        Assert.Equal("1,2", await LevelsAsync(s));
        At(s, 62);
        await RunAsync(s);
        Assert.Equal("1,2,3", await LevelsAsync(s));
        Assert.Equal(3, await RemindersInOutboxAsync(s));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_two_runs_at_once_never_send_a_level_twice(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var invoices = new List<Setup>();
        for (var i = 0; i < 4; i++) invoices.Add(await OverdueInvoiceAsync(host));
        var now = At(invoices[0], 3);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ActivatorUtilities.CreateInstance<ReminderService>(host.Services).RunAsync(now))));

        Assert.Equal(4, runs.Sum(r => r.Sent));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        foreach (var s in invoices)
        {
            Assert.Equal("1", await LevelsAsync(s));
            Assert.Equal(1, await RemindersInOutboxAsync(s));
        }
        await using var db = host.Db();
        Assert.Equal(4, await db.History.CountAsync(h => h.Kind == HistoryKind.ReminderQueued));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_3_invoices_on_hold_paid_or_cancelled_get_no_reminder_and_a_released_one_does(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var held = await OverdueInvoiceAsync(host);
        var paid = await OverdueInvoiceAsync(host);
        var cancelled = await OverdueInvoiceAsync(host);
        await host.Get<DocumentHoldService>().HoldAsync(held.Invoice, (await host.DetailsAsync(held.Invoice)).Version);
        await host.Documents().CancelAsync(cancelled.Invoice, (await host.DetailsAsync(cancelled.Invoice)).Version);
        await using (var db = host.Db())
        {
            var document = await db.Documents.SingleAsync(d => d.Id == paid.Invoice);
            document.ApplyPayment(document.TotalMinor, host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        At(held, 5);
        var run = await RunAsync(held);

        Assert.Equal(0, run.Sent);
        Assert.Equal((0, 0), ((await host.SendingCountsAsync()).Outbox, (await host.SendingCountsAsync()).Reminders));

        await host.Get<DocumentHoldService>().ReleaseAsync(held.Invoice, (await host.DetailsAsync(held.Invoice)).Version);
        await RunAsync(held);
        Assert.Equal("1", await LevelsAsync(held));
        Assert.Equal("", await LevelsAsync(paid));
        Assert.Equal("", await LevelsAsync(cancelled));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CON_6_with_no_contact_taking_invoices_no_reminder_is_sent_and_the_history_says_so_once_per_level(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var (company, people) = await host.CompanyWithContactsAsync("Velas Sur SL", ("Ana", n => n.Invoice = false));
        var invoice = await host.IssuedAsync(DocumentType.Invoice, company);
        var s = new Setup(host, company, invoice, (await host.DetailsAsync(invoice)).DueDate!.Value);

        At(s, 3);
        await RunAsync(s);
        await RunAsync(s);
        At(s, 10);
        await RunAsync(s);

        Assert.Equal(0, (await host.SendingCountsAsync()).Outbox);
        Assert.Equal("1,2", await LevelsAsync(s));
        await using var db = host.Db();
        var notes = await db.History.Where(h => h.ClientId == company && h.Kind == HistoryKind.ReminderNotSent).OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([1, 2], notes.Select(h => JsonSerializer.Deserialize<ReminderData>(h.Data!)!.Level));
        Assert.All(notes, h => Assert.Empty(JsonSerializer.Deserialize<ReminderData>(h.Data!)!.Emails));
        _ = people;
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_2_a_reminder_is_in_the_invoice_language_with_the_pdf_and_view_and_pay_links(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await OverdueInvoiceAsync(host, "fr");
        var number = (await host.DetailsAsync(s.Invoice)).Number!;

        At(s, 4);
        await RunAsync(s);

        var message = Assert.Single(await host.OutboxAsync());
        Assert.Equal(MailKind.Reminder, message.Kind);
        Assert.StartsWith($"Rappel de paiement : facture {number}", message.Subject);
        Assert.Contains("(4 jours de retard)", message.TextBody);
        Assert.Equal(number + ".pdf", Assert.Single(message.Attachments).FileName);
        Assert.Contains($"{EmailComposer.Label("fr", LinkKind.View)}: {SendingHost.PublicBaseUrl}/d/", message.TextBody);
        Assert.Matches($@"{EmailComposer.Label("fr", LinkKind.Pay)}: {System.Text.RegularExpressions.Regex.Escape(SendingHost.PublicBaseUrl)}/d/[\w-]{{43}}#pay", message.TextBody);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_reminders_switched_off_send_nothing(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var s = await OverdueInvoiceAsync(host);
        var settings = host.Get<ReminderSettingsService>();
        await settings.SaveAsync("3,10,30", false, (await settings.GetAsync()).Version);

        At(s, 40);
        await RunAsync(s);

        Assert.Equal("", await LevelsAsync(s));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SND_6_reminder_levels_are_positive_increasing_and_at_most_five(DatabaseProvider provider)
    {
        await using var host = await SendingHost.CreateAsync(provider);
        var settings = host.Get<ReminderSettingsService>();

        foreach (var bad in new[] { "", "0,5", "10,3", "3,3", "1,2,3,4,5,6", "a", "3;10", "-1", "3,,10", "400" })
        {
            var error = await Assert.ThrowsAsync<ValidationFailedException>(() => settings.SaveAsync(bad, true, 1));
            Assert.Equal("Error.ReminderDaysInvalid|5", error.Errors["ReminderDays"]);
        }
        var version = await settings.SaveAsync(" 5, 15 ,45 ", true, (await settings.GetAsync()).Version);
        Assert.Equal(new ReminderSettings("5,15,45", true, version), await settings.GetAsync());

        host.Actor.Current = TestActor.Office;
        await Assert.ThrowsAsync<NotAllowedException>(() => settings.SaveAsync("3", true, version));
    }

    [Theory]
    [InlineData("en", 1, "(1 day overdue)"), InlineData("en", 3, "(3 days overdue)")]
    [InlineData("fr", 1, "(1 jour de retard)"), InlineData("es", 1, "(1 día de retraso)")]
    [InlineData("pl", 1, "(opóźnienie: 1 dzień)"), InlineData("pl", 22, "(opóźnienie: 22 dni)")]
    public async Task NF_1_a_reminder_counts_its_days_overdue_in_the_documents_language(string language, int days, string expected)
    {
        await using var host = await SendingHost.CreateAsync(DatabaseProvider.Sqlite);
        var s = await OverdueInvoiceAsync(host, language);
        var settings = host.Get<ReminderSettingsService>();
        await settings.SaveAsync(days.ToString(System.Globalization.CultureInfo.InvariantCulture), true, (await settings.GetAsync()).Version);

        At(s, days);
        await RunAsync(s);

        await using var db = host.Db();
        var reminder = await db.Outbox.SingleAsync(m => m.DocumentId == s.Invoice && m.Kind == MailKind.Reminder);
        Assert.Contains(expected, reminder.TextBody);
    }
}
