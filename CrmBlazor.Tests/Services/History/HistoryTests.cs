using System.Text.Json;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Services.History;

/// <summary>The client's timeline (HIS-1) and staff comments in it (HIS-2).</summary>
public class HistoryTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HIS_1_the_timeline_lists_every_event_newest_first_with_who_and_when(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var (clients, links, history) = (host.Get<ClientService>(), host.Get<ContactLinkService>(), host.Get<HistoryService>());
        var form = ClientBuilder.Company("Alfa", f => f.City = "Bilbao");
        var company = await clients.CreateAsync(form);
        var ada = await clients.CreateAsync(ClientBuilder.Person("Ada", "First"));
        var bo = await clients.CreateAsync(ClientBuilder.Person("Bo", "Second"));
        var steps = new Func<Task>[]
        {
            () => { form.City = "Sevilla"; return clients.UpdateAsync(company, form, 1); },
            () => links.LinkAsync(company, ada, "CEO"),
            () => links.LinkAsync(company, bo, "Buyer"),
            () => links.MakePrimaryAsync(company, bo),
            () => links.UnlinkAsync(company, ada),
            () => history.AddCommentAsync(company, "Called about the spring order"),
        };
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            host.Actor.Current = i % 2 == 0 ? TestActor.Office : TestActor.Sales;
            await step();
        }

        var timeline = await history.ListAsync(company);

        Assert.Equal(
            [HistoryKind.Comment, HistoryKind.Unlinked, HistoryKind.PrimaryContactChanged, HistoryKind.Linked, HistoryKind.Linked, HistoryKind.Edited, HistoryKind.Created],
            timeline.Select(h => h.Kind));
        Assert.Equal(timeline.Select(h => h.At).OrderDescending(), timeline.Select(h => h.At));
        Assert.Equal(["Sylwia Sales", "Olivier Office", "Sylwia Sales", "Olivier Office", "Sylwia Sales", "Olivier Office", "Ana Admin"], timeline.Select(h => h.ActorName));
        Assert.Equal("Called about the spring order", timeline[0].Text);
        Assert.Equal(new FieldChange("City", "Bilbao", "Sevilla"), Assert.Single(JsonSerializer.Deserialize<List<FieldChange>>(timeline[5].Data!)!));
        Assert.Equal(new LinkData(ada, "Ada First", ""), JsonSerializer.Deserialize<LinkData>(timeline[1].Data!));

        await clients.SetNotificationsAsync(ada, new ContactNotifications { Invoice = false }, 1);
        var adaTimeline = await history.ListAsync(ada);
        Assert.Equal([HistoryKind.NotificationsChanged, HistoryKind.Unlinked, HistoryKind.Linked, HistoryKind.Created], adaTimeline.Select(h => h.Kind));
        Assert.Equal(new LinkData(company, "Alfa", "CEO"), JsonSerializer.Deserialize<LinkData>(adaTimeline[2].Data!));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HIS_1_the_timeline_filters_by_kind_and_pages_backwards_without_gaps_or_repeats(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var history = host.Get<HistoryService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        var other = await host.CreateAsync(ClientBuilder.Company("Other"));
        var comments = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            comments.Add(await history.AddCommentAsync(company, $"note {i}"));
            await history.AddCommentAsync(other, $"other {i}");
        }
        await host.Get<ClientService>().UpdateAsync(company, ClientBuilder.Company("Renamed"), 1);

        Assert.Equal(HistoryKind.Created, Assert.Single(await history.ListAsync(company, HistoryKind.Created)).Kind);
        var seen = new List<HistoryItem>();
        long? before = null;
        while (true)
        {
            var page = await history.ListAsync(company, HistoryKind.Comment, before, take: 3);
            if (page.Count == 0) break;
            Assert.InRange(page.Count, 1, 3);
            seen.AddRange(page);
            before = page[^1].Id;
        }
        Assert.Equal(Enumerable.Reverse(comments), seen.Select(h => h.Id));
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"note {i}"), seen.Select(h => h.Text));
        Assert.Equal(9, (await history.ListAsync(company, take: 1000)).Count);
        Assert.Single(await history.ListAsync(company, take: 0));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HIS_2_empty_and_overlong_comments_are_refused_on_the_comment_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var history = host.Get<HistoryService>();
        var company = await host.CreateAsync(ClientBuilder.Company());

        await Expect.FieldErrorAsync(() => history.AddCommentAsync(company, ""), "Comment", "Error.Required");
        await Expect.FieldErrorAsync(() => history.AddCommentAsync(company, " \n\t "), "Comment", "Error.Required");
        await Expect.FieldErrorAsync(() => history.AddCommentAsync(company, new string('x', HistoryService.CommentMax + 1)),
            "Comment", $"Error.TooLong|{HistoryService.CommentMax}");
        await Expect.RefusedAsync(() => history.AddCommentAsync(company + 1000, "lost"), "Error.ClientNotFound");
        Assert.Equal(1, (await host.CountsAsync()).History);

        var longest = new string('ż', HistoryService.CommentMax);
        await history.AddCommentAsync(company, "  " + longest + "  ");
        Assert.Equal(longest, (await history.ListAsync(company, HistoryKind.Comment))[0].Text);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HIS_2_markup_in_a_comment_is_stored_verbatim_with_its_author_and_time(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var history = host.Get<HistoryService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        host.Actor.Current = TestActor.Sales;
        host.Clock.Advance(TimeSpan.FromDays(2));
        const string text = "<script>alert('x')</script> & <b>\"bold\"</b>\nline 2 – żółć 😀";

        var id = await history.AddCommentAsync(company, text);

        var item = Assert.Single(await history.ListAsync(company, HistoryKind.Comment));
        Assert.Equal((id, text, "Sylwia Sales", host.Clock.GetUtcNow().UtcDateTime), (item.Id, item.Text, item.ActorName, item.At));
        Assert.Null(item.Data);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_2_history_is_refused_to_callers_without_a_staff_role(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var history = host.Get<HistoryService>();
        var company = await host.CreateAsync(ClientBuilder.Company());
        host.Actor.Current = Actor.Anonymous;

        await Assert.ThrowsAsync<NotAllowedException>(() => history.ListAsync(company));
        await Assert.ThrowsAsync<NotAllowedException>(() => history.AddCommentAsync(company, "hi"));
        Assert.Equal(1, (await host.CountsAsync()).History);
    }
}
