using Bunit;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Matters;
using CrmBlazor.Matters.Activities;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Matters;

/// <summary>The matter page follows its own matter live (DIR-8) and nothing else (issue 14).</summary>
public class MatterLiveTests : ComponentTestBase
{
    private QueryRecorder _queries = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.StaffUsersAsync();
        _queries = new QueryRecorder(Host);
        Services.AddSingleton(ActivatorUtilities.CreateInstance<MatterQueries>(Host.Services, _queries.Factory));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<ActivityList>(Host.Services, _queries.Factory));
        Services.AddSingleton(ActivatorUtilities.CreateInstance<ActivityService>(Host.Services, _queries.Factory));
    }

    private IRenderedComponent<MatterDetailPage> RenderMatter(long id)
    {
        Nav.NavigateTo($"/matters/{id}");
        return RenderWithProviders<MatterDetailPage>(p => p.Add(x => x.Id, id));
    }

    private static int[] Renders(IRenderedComponent<MatterDetailPage> cut) =>
        [cut.RenderCount, cut.FindComponent<MatterActivitiesPanel>().RenderCount, cut.FindComponent<MatterTimeline>().RenderCount];

    private Task<long> AddAsync(long matterId, string description) =>
        AsColleague<ActivityService>().AddAsync(matterId, ActivityForms.Time(change: f => f.Description = description));

    [Fact]
    public async Task DIR_8_MAT_5_the_matter_page_ignores_another_matters_activities_no_query_no_render()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var mine = await Host.MatterAsync("Mine", MatterData.Client(a));
        var other = await Host.MatterAsync("Other", MatterData.Client(a));
        var cut = RenderMatter(mine);
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#activities-empty")));
        var renders = Renders(cut);
        _queries.Clear();

        await AddAsync(other, "Elsewhere");
        await Task.Delay(300);

        Assert.Empty(_queries.Commands);
        Assert.Equal(renders, Renders(cut));

        await AddAsync(mine, "Here");
        await cut.WaitForAssertionAsync(() => Assert.Contains("Here", cut.Find("#activities-table").TextContent));
    }

    [Fact]
    public async Task DIR_8_MAT_5_a_new_activity_renders_its_row_and_leaves_the_rows_already_shown_alone()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var mine = await Host.MatterAsync("Mine", MatterData.Client(a));
        await AddAsync(mine, "First");
        await AddAsync(mine, "Second");
        var cut = RenderMatter(mine);
        await cut.WaitForAssertionAsync(() => Assert.Equal(2, cut.FindComponents<ActivityRowView>().Count));
        var before = cut.FindComponents<ActivityRowView>().ToDictionary(r => r.Instance.Row.Id, r => (r.Instance, r.RenderCount));

        await AddAsync(mine, "Third");

        await cut.WaitForAssertionAsync(() => Assert.Equal(3, cut.FindComponents<ActivityRowView>().Count));
        var after = cut.FindComponents<ActivityRowView>().ToDictionary(r => r.Instance.Row.Id, r => (r.Instance, r.RenderCount));
        foreach (var (id, shown) in before) Assert.Equal(shown, after[id]);
    }

    [Fact]
    public async Task DIR_8_MAT_5_a_burst_of_activities_ends_with_the_page_showing_the_final_list()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var mine = await Host.MatterAsync("Mine", MatterData.Client(a));
        var cut = RenderMatter(mine);
        await cut.WaitForAssertionAsync(() => Assert.NotNull(cut.Find("#activities-empty")));

        var ids = new List<long>();
        for (var i = 0; i < 15; i++) ids.Add(await AddAsync(mine, $"Work {i:00}"));
        var version = (await Host.Activities().GetAsync(ids[0])).Version;
        await AsColleague<ActivityService>().DeleteAsync(ids[0], version);

        await cut.WaitForAssertionAsync(() =>
        {
            var rows = cut.FindComponents<ActivityRowView>().Select(r => r.Instance.Row.Description).Order().ToArray();
            Assert.Equal(Enumerable.Range(1, 14).Select(i => $"Work {i:00}"), rows);
        });
    }
}
