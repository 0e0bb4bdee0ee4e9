using System.Globalization;
using Bunit;
using CrmBlazor.Commercial;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using CrmBlazor.Tests.Support.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Commercial;

/// <summary>The deals board and list follow changes (DIR-8, COM-4) card by card, and ignore what cannot show (issue 14).</summary>
public class DealsLiveTests : ComponentTestBase
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private QueryRecorder _queries = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.SalesTeamAsync();
        _queries = new QueryRecorder(Host);
        Services.AddSingleton(ActivatorUtilities.CreateInstance<DealQueries>(Host.Services, _queries.Factory));
    }

    private Task<long> DealAsync(long client, string title, DealStage stage = DealStage.Lead, string amount = "1000") =>
        Host.Deals().CreateAsync(CommercialData.Deal(client, amount, title, stage), English);

    private static Dictionary<long, (DealCardView Card, int Renders)> Cards(IRenderedComponent<DealsPage> cut) =>
        cut.FindComponents<DealCardView>().ToDictionary(c => c.Instance.Deal.Id, c => (c.Instance, c.RenderCount));

    private static string[] ListTitles(IRenderedComponent<DealsPage> cut) =>
        cut.FindComponents<DealRowView>().Select(r => r.Instance.Deal.Title).ToArray();

    private async Task<IRenderedComponent<DealsPage>> ListOfStageAsync(DealStage stage)
    {
        var cut = RenderWithProviders<DealsPage>();
        await cut.InvokeAsync(() => FindMud<MudBlazor.MudToggleGroup<string>>(cut, "deals-view").Instance.ValueChanged.InvokeAsync("list"));
        await SelectAsync<DealStage?>(cut, "deals-filter-stage", stage);
        return cut;
    }

    [Fact]
    public async Task DIR_8_COM_4_a_deal_edited_on_the_board_is_re_read_alone_and_only_its_card_renders()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var ids = new[] { await DealAsync(a, "Invernaje"), await DealAsync(a, "Antifouling"), await DealAsync(a, "Pintura") };
        var cut = RenderWithProviders<DealsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Cards(cut).Count));
        var before = Cards(cut);
        _queries.Clear();

        var form = CommercialData.Deal(a, "1000", "Antifouling casco");
        await AsColleague<DealService>().EditAsync(ids[1], form, await Host.DealVersionAsync(ids[1]), English);

        await cut.WaitForAssertionAsync(() => Assert.Contains("Antifouling casco", cut.Find(".deals-board").TextContent));
        Assert.DoesNotContain(_queries.Commands, c => c.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase));
        var after = Cards(cut);
        Assert.Equal(before[ids[0]], after[ids[0]]);
        Assert.Equal(before[ids[2]], after[ids[2]]);
    }

    [Fact]
    public async Task DIR_8_COM_4_a_deal_moved_between_stages_moves_on_the_board_and_its_totals_follow()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var id = await DealAsync(a, "Invernaje");
        var cut = RenderWithProviders<DealsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Single(Cards(cut)));

        await AsColleague<DealService>().MoveStageAsync(id, DealStage.Won, await Host.DealVersionAsync(id));

        await cut.WaitForAssertionAsync(() =>
        {
            var won = cut.Find($".deal-column[data-stage='{DealStage.Won}']");
            Assert.Contains("(1)", won.QuerySelector(".deal-column-count")!.TextContent);
            Assert.Contains("Invernaje", won.TextContent);
        });
    }

    [Fact]
    public async Task DIR_8_COM_4_a_list_of_won_deals_ignores_a_deal_moving_between_two_other_stages()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        await DealAsync(a, "Ganada", DealStage.Won);
        var moving = await DealAsync(a, "Invernaje");
        var cut = await ListOfStageAsync(DealStage.Won);
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Ganada"], ListTitles(cut)));
        var renders = cut.RenderCount;

        await AsColleague<DealService>().MoveStageAsync(moving, DealStage.Qualified, await Host.DealVersionAsync(moving));
        await Task.Delay(300);
        Assert.Equal(renders, cut.RenderCount);

        await AsColleague<DealService>().MoveStageAsync(moving, DealStage.Won, await Host.DealVersionAsync(moving));
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Ganada", "Invernaje"], ListTitles(cut).Order()));
    }

    [Fact]
    public async Task DIR_8_COM_4_editing_a_client_without_deals_costs_the_board_one_small_query_and_no_render()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var other = await CreateCompanyAsync("Chantier Naval Dupont");
        await DealAsync(a, "Invernaje");
        var cut = RenderWithProviders<DealsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Single(Cards(cut)));
        var renders = cut.RenderCount;
        _queries.Clear();

        await AsColleague<ClientService>().UpdateAsync(other, ClientBuilder.Company("Chantier Naval Dupont SARL"), 1);
        await Task.Delay(300);

        Assert.Single(_queries.Commands);
        Assert.Equal(renders, cut.RenderCount);
    }

    [Fact]
    public async Task DIR_8_COM_4_a_burst_of_moves_and_edits_ends_with_the_board_showing_the_final_state()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var ids = new List<long>();
        for (var i = 0; i < 6; i++) ids.Add(await DealAsync(a, $"Deal {i}"));
        var cut = RenderWithProviders<DealsPage>();
        await cut.WaitForAssertionAsync(() => Assert.Equal(6, Cards(cut).Count));

        var colleague = AsColleague<DealService>();
        var stages = Enum.GetValues<DealStage>();
        for (var round = 0; round < 3; round++)
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
                await colleague.MoveStageAsync(id, stages[(i + round + 1) % stages.Length], await Host.DealVersionAsync(id));
        await colleague.EditAsync(ids[0], CommercialData.Deal(a, "5000", "Deal 0 final", (await Host.DealReads().GetAsync(ids[0]))!.Stage),
            await Host.DealVersionAsync(ids[0]), English);
        await DealAsync(a, "Deal new");

        var expected = await Host.DealReads().BoardAsync();
        await cut.WaitForAssertionAsync(() =>
        {
            foreach (var column in expected)
            {
                var shown = cut.Find($".deal-column[data-stage='{column.Stage}']");
                Assert.Equal($"({column.Count})", shown.QuerySelector(".deal-column-count")!.TextContent.Trim());
                foreach (var card in column.Cards) Assert.Contains(card.Title, shown.TextContent);
            }
            Assert.Equal(7, Cards(cut).Count);
        });
        Assert.Contains("Deal 0 final", cut.Find(".deals-board").TextContent);
    }
}
