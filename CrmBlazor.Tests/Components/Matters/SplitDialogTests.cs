using Bunit;
using CrmBlazor.Domain.Live;
using CrmBlazor.Matters.Activities;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Matters;

/// <summary>The client split dialog (MAT-6, MAT-8): active clients, equal by default, running total, amounts, live.</summary>
public class SplitDialogTests : ComponentTestBase
{
    private async Task<(long Matter, long A, long B, long C)> MatterAsync()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Bodegas Sur SA");
        var c = await CreatePersonAsync("Zofia", "Nowak");
        var matter = await Host.MatterAsync("Herencia", (a, true), (b, true), (c, true));
        await Host.Activities().AddAsync(matter, ActivityForms.Expense(100_00));
        return (matter, a, b, c);
    }

    private async Task<IRenderedComponent<MudProviders>> OpenAsync(long matter)
    {
        var root = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<SplitDialog>("Client split", new DialogParameters<SplitDialog> { { d => d.MatterId, matter } }));
        await root.WaitForAssertionAsync(() => Assert.Equal(3, root.FindAll(".split-row").Count));
        return root;
    }

    private static Task TypeAsync(IRenderedComponent<MudProviders> root, int row, decimal value)
    {
        var field = FindMud<MudNumericField<decimal>>(root, $"split-percent-{row}");
        return field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    private static string[] Amounts(IRenderedComponent<MudProviders> root) => root.FindAll(".split-amount").Select(e => e.TextContent.Trim()).ToArray();

    [Fact]
    public async Task MAT_8_the_dialog_shows_equal_percentages_with_exact_amounts_and_a_running_total_and_saves_a_new_split()
    {
        var (matter, a, b, c) = await MatterAsync();
        var root = await OpenAsync(matter);

        Assert.Equal(["€33.34", "€33.33", "€33.33"], Amounts(root));
        Assert.Equal("100 %", root.Find("#split-total").TextContent.Trim());
        Assert.Contains("1 unbilled common activity, €100.00 in all", root.Find("#split-intro").TextContent);

        await TypeAsync(root, 0, 60m);
        await root.WaitForAssertionAsync(() => Assert.Equal("126.66 %", root.Find("#split-total").TextContent.Trim()));
        Assert.Contains("exactly 100 %", root.Find("#split-total-hint").TextContent);
        Assert.True(FindMud<MudButton>(root, "split-save").Instance.Disabled);

        await TypeAsync(root, 1, 20m);
        await TypeAsync(root, 2, 20m);
        await root.WaitForAssertionAsync(() => Assert.Equal(["€60.00", "€20.00", "€20.00"], Amounts(root)));
        Assert.Empty(root.FindAll("#split-total-hint"));

        var save = FindMud<MudButton>(root, "split-save");
        await save.InvokeAsync(() => save.Instance.OnClick.InvokeAsync(new()));
        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll(".split-row")));
        Assert.Equal(new Dictionary<long, long> { [a] = 60_00, [b] = 20_00, [c] = 20_00 }, (await Host.MatterSharesAsync(matter)).Values.Single());
    }

    [Fact]
    public async Task MAT_8_a_percentage_with_three_decimals_gets_its_message_next_to_the_field_and_nothing_is_saved()
    {
        var (matter, _, _, _) = await MatterAsync();
        var root = await OpenAsync(matter);
        await TypeAsync(root, 0, 33.335m);
        await TypeAsync(root, 1, 33.335m);
        await TypeAsync(root, 2, 33.33m);
        var save = FindMud<MudButton>(root, "split-save");
        await save.InvokeAsync(() => save.Instance.OnClick.InvokeAsync(new()));

        await root.WaitForAssertionAsync(() => Assert.Equal("At most two decimals.", FieldMessage(root, "split-percent-0")));
        Assert.Equal(3, root.FindAll(".split-row").Count);
        Assert.Equal([33_34L, 33_33L, 33_33L], (await Host.MatterSharesAsync(matter)).Values.Single().Values.Order().Reverse());
    }

    [Fact]
    public async Task MAT_6_when_a_colleague_makes_a_client_inactive_the_open_dialog_follows()
    {
        var (matter, _, b, _) = await MatterAsync();
        var root = await OpenAsync(matter);
        await TypeAsync(root, 0, 50m);

        await Host.ToggleClientAsync(matter, b, false);
        await Host.Feed.PublishAsync(new Change(Topics.Matter, matter, TestActor.Office.UserId));

        await root.WaitForAssertionAsync(() => Assert.Equal(2, root.FindAll(".split-row").Count));
        Assert.DoesNotContain("Bodegas Sur SA", root.Find("#split-table").TextContent);
        Assert.Equal(["€50.00", "€50.00"], Amounts(root));
        Assert.Contains("the split was reloaded", root.Find("#split-reloaded").TextContent);
    }
}
