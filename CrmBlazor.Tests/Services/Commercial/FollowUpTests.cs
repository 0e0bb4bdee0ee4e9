using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Live;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Commercial;

/// <summary>Scheduling, changing and completing follow-ups (COM-1, COM-3) on both databases; the organisation's clock is Europe/Madrid.</summary>
public class FollowUpTests
{
    private static readonly DateOnly Today = new(2026, 11, 26); // TestClock: 09:00 UTC = 10:00 in Madrid

    private static async Task<(DomainHost Host, long Client)> HostAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.SalesTeamAsync();
        return (host, await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL")));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_1_scheduling_stores_the_local_time_as_utc_writes_the_history_and_tells_the_assignee(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        host.Actor.Current = TestActor.Office;
        using var feed = new FeedRecorder(host.Feed);

        var id = await host.FollowUps().ScheduleAsync(client, CommercialData.Form(Today.AddDays(1), new TimeOnly(16, 30), notes: "  Presupuesto de invernaje  "));

        await using var db = host.Db();
        var saved = await db.FollowUps.SingleAsync();
        Assert.Equal(new DateTime(2026, 11, 27, 15, 30, 0), saved.DueAt);                  // 16:30 in Madrid in winter is 15:30 UTC
        Assert.Equal(("Presupuesto de invernaje", TestActor.Sales.UserId, TestActor.Office.UserId), (saved.Notes, saved.AssignedUserId, saved.CreatedByUserId));
        var line = await db.History.SingleAsync(h => h.ClientId == client && h.Kind == HistoryKind.FollowUpScheduled);
        Assert.Equal("Olivier Office", line.ActorName);
        Assert.Contains("Sylwia Sales", line.Data);
        Assert.Contains("2026-11-27T16:30:00", line.Data);                                   // the History shows what was typed
        Assert.Contains(feed.Changes, c => c is { Topic: Topics.FollowUp, ClientId: var cl, ForUserId: "sales-1", ByUserId: "office-1" } && cl == client && c.Id == id);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_1_bad_input_is_refused_on_its_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var service = host.FollowUps();

        await Expect.FieldErrorAsync(() => service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(12, 0), assignee: "")),
            nameof(FollowUpForm.AssignedUserId), "Error.SalespersonRequired");
        await Expect.FieldErrorAsync(() => service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(12, 0), assignee: TestActor.Office.UserId)),
            nameof(FollowUpForm.AssignedUserId), "Error.UserNotSalesperson");
        await Expect.FieldErrorAsync(() => service.ScheduleAsync(client, CommercialData.Form(Today.AddDays(-8), new TimeOnly(9, 0))),
            nameof(FollowUpForm.Date), "Error.DueTooFarInPast|7");
        await Expect.FieldErrorAsync(() => service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(9, 0), notes: new string('x', FollowUp.NotesMax + 1))),
            nameof(FollowUpForm.Notes), $"Error.TooLong|{FollowUp.NotesMax}");
        await Expect.FieldErrorAsync(() => service.ScheduleAsync(client, new FollowUpForm { AssignedUserId = TestActor.Sales.UserId!, Date = Today }),
            nameof(FollowUpForm.Time), "Error.Required");
        await using (var db = host.Db())
        {
            Assert.Equal(0, await db.FollowUps.CountAsync());
            Assert.Equal(0, await db.History.CountAsync(h => h.Kind == HistoryKind.FollowUpScheduled));
        }

        // Late recording is allowed up to seven days back (a call made last week, entered today).
        await service.ScheduleAsync(client, CommercialData.Form(Today.AddDays(-7), new TimeOnly(11, 0)));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_1_a_removed_salesperson_is_refused_with_their_name_when_scheduling_and_reassigning(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var error = await Expect.FieldErrorAsync(() => host.FollowUps().ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(12, 0), assignee: CommercialData.RemovedId)),
            nameof(FollowUpForm.AssignedUserId), $"Error.UserRemoved|{CommercialData.RemovedName}");
        Assert.Equal("Rafał Removed was removed; choose someone else", new CrmBlazor.Localization.Text().Message(error.Errors[nameof(FollowUpForm.AssignedUserId)]));

        var id = await host.FollowUps().ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(12, 0)));
        await Expect.FieldErrorAsync(() => host.FollowUps().ReassignAsync(id, CommercialData.RemovedId, 1),
            nameof(FollowUpForm.AssignedUserId), $"Error.UserRemoved|{CommercialData.RemovedName}");
        Assert.DoesNotContain(await host.FollowUpReads().AssigneesAsync(), u => u.Id == CommercialData.RemovedId || u.Id == TestActor.Office.UserId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_1_a_deactivated_client_can_be_followed_up_an_archived_one_cannot(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        await host.DeactivateAsync(client);
        var id = await host.FollowUps().ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(18, 0)));
        await host.ArchiveAsync(client);
        await Expect.RefusedAsync(() => host.FollowUps().ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(18, 0))), "Error.ClientArchived");
        await Expect.RefusedAsync(() => host.FollowUps().CompleteAsync(id, "Llamado", 1), "Error.ClientArchived");
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_3_reassigning_editing_and_completing_go_into_the_history_with_from_to_and_the_outcome(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var service = host.FollowUps();
        var id = await service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(17, 0)));
        using var feed = new FeedRecorder(host.Feed);

        await service.ReassignAsync(id, TestActor.Admin.UserId!, 1);
        Assert.Contains(feed.Changes, c => c.Topic == Topics.FollowUp && c.ForUserId == "admin-1");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.EditAsync(id, CommercialData.Form(Today, new TimeOnly(18, 0), "admin-1"), 1));
        await service.EditAsync(id, CommercialData.Form(Today, new TimeOnly(18, 0), "admin-1", FollowUpKind.Visit, "Visita al astillero"), 2);
        await Expect.FieldErrorAsync(() => service.CompleteAsync(id, "   ", 3), "Outcome", "Error.OutcomeRequired");
        await service.CompleteAsync(id, "Firmado el contrato de amarre", 3);
        await Expect.RefusedAsync(() => service.CompleteAsync(id, "Otra vez", 4), "Error.FollowUpDone");

        await using var db = host.Db();
        var lines = await db.History.Where(h => h.ClientId == client && h.Kind >= HistoryKind.FollowUpScheduled && h.Kind <= HistoryKind.FollowUpEdited)
            .OrderBy(h => h.Id).ToListAsync();
        Assert.Equal([HistoryKind.FollowUpScheduled, HistoryKind.FollowUpReassigned, HistoryKind.FollowUpEdited, HistoryKind.FollowUpCompleted], lines.Select(l => l.Kind));
        Assert.Contains("\"FromUser\":\"Sylwia Sales\"", lines[1].Data);
        Assert.Contains("\"AssignedTo\":\"Ana Admin\"", lines[1].Data);
        Assert.Contains("Visita al astillero", lines[2].Data);
        Assert.Contains("Firmado el contrato de amarre", lines[3].Data);
        var done = await db.FollowUps.SingleAsync();
        Assert.Equal(("Firmado el contrato de amarre", "admin-1", FollowUpKind.Visit), (done.Outcome, done.CompletedByUserId!, done.Kind));
        Assert.NotNull(done.CompletedAt);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_2_my_follow_ups_group_overdue_today_and_upcoming_by_the_organisations_day(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromHours(13.5)); // 22:30 UTC = 23:30 in Madrid, 26 November
        var service = host.FollowUps();
        var overdue = await service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(23, 0)));     // 22:00 UTC
        var today = await service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(23, 45)));      // 22:45 UTC
        // 00:30 in Madrid on the 27th is still the 26th in UTC: upcoming all the same, the organisation's day decides.
        var tomorrow = await service.ScheduleAsync(client, CommercialData.Form(Today.AddDays(1), new TimeOnly(0, 30)));
        await service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(23, 50), TestActor.Admin.UserId));
        var done = await service.ScheduleAsync(client, CommercialData.Form(Today, new TimeOnly(8, 0)));
        await service.CompleteAsync(done, "Hecho", 1);

        host.Actor.Current = TestActor.Sales;
        var mine = await host.FollowUpReads().MineAsync();
        Assert.Equal([overdue], mine.Overdue.Select(r => r.Id));
        Assert.Equal([today], mine.Today.Select(r => r.Id));
        Assert.Equal([tomorrow], mine.Upcoming.Select(r => r.Id));
        Assert.Equal((1, 1, 1), (mine.OverdueCount, mine.TodayCount, mine.UpcomingCount));
        Assert.True(mine.Overdue[0].IsOverdue);
        Assert.Equal(new DateTime(2026, 11, 27, 0, 30, 0), mine.Upcoming[0].DueLocal);
        Assert.Equal(2, await host.FollowUpReads().BadgeCountAsync());

        // Midnight in Madrid: yesterday's "today" is overdue, the 00:30 one is today.
        host.Clock.Advance(TimeSpan.FromMinutes(35));
        mine = await host.FollowUpReads().MineAsync();
        Assert.Equal([overdue, today], mine.Overdue.Select(r => r.Id));
        Assert.Equal([tomorrow], mine.Today.Select(r => r.Id));
        Assert.Equal(3, await host.FollowUpReads().BadgeCountAsync());

        // Someone else's list: administrators only.
        await Assert.ThrowsAsync<NotAllowedException>(() => host.FollowUpReads().MineAsync(TestActor.Admin.UserId));
        host.Actor.Current = TestActor.Admin;
        var theirs = await host.FollowUpReads().MineAsync(TestActor.Sales.UserId);
        Assert.Equal((2, 1, 0), (theirs.OverdueCount, theirs.TodayCount, theirs.UpcomingCount));
    }

    [Fact]
    public void COM_2_times_that_do_not_exist_or_happen_twice_in_Madrid_are_read_one_way()
    {
        var time = new CommercialTime(Microsoft.Extensions.Options.Options.Create(new CommercialOptions()), new TestClock());
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist and is taken as 03:30 CEST.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), time.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        // 25 October 2026: 02:30 happens twice; the first (CEST, UTC+2) is taken.
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), time.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
        Assert.Equal(new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc), time.ToUtc(new DateOnly(2026, 7, 1), new TimeOnly(10, 0)));
        Assert.Equal(new DateOnly(2026, 11, 26), time.Today);
    }
}
