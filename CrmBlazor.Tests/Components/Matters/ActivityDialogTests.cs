using Bunit;
using CrmBlazor.Domain.Matters;
using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Matters.Activities;
using CrmBlazor.Tests.Support.Components;
using CrmBlazor.Tests.Support.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CrmBlazor.Tests.Components.Matters;

/// <summary>The activity dialog and the panel (MAT-5, MAT-6, MAT-10, DEA-7).</summary>
public class ActivityDialogTests : ComponentTestBase
{
    private async Task<IRenderedComponent<MudProviders>> OpenAsync(DialogParameters<ActivityDialog> parameters)
    {
        var root = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(() => dialogs.ShowAsync<ActivityDialog>("New activity", parameters));
        await root.WaitForAssertionAsync(() => Assert.NotEmpty(root.FindAll("#activity-description")));
        return root;
    }

    private static Task SetAsync<T>(IRenderedComponent<MudProviders> root, string id, T value)
    {
        var field = root.FindComponents<MudBaseInput<T>>().First(c => c.Instance.UserAttributes.TryGetValue("id", out var v) && (string?)v == id);
        return field.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(value));
    }

    private static Task SaveAsync(IRenderedComponent<MudProviders> root)
    {
        var save = FindMud<MudButton>(root, "activity-save");
        return save.InvokeAsync(() => save.Instance.OnClick.InvokeAsync(new()));
    }

    [Fact]
    public async Task MAT_6_the_client_choice_is_common_or_an_active_client_and_a_zero_duration_is_refused_next_to_the_field()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Bodegas Sur SA");
        var matter = await Host.MatterAsync("Herencia", (a, true), (b, false));
        await DeactivateAsync(a);

        var root = await OpenAsync(new DialogParameters<ActivityDialog> { { d => d.MatterId, matter } });
        var clients = FindMud<MudSelect<long?>>(root, "activity-client");
        var offered = clients.FindComponents<MudSelectItem<long?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([null, a], offered);                                  // B is inactive on the matter: not offered
        Assert.Equal("Astillero Norte SL (Inactive)", clients.Instance.ToStringFunc!(a)); // deactivated client, still active here (DEA-7)

        await SetAsync<int?>(root, "activity-minutes", 0);
        await SetAsync<decimal?>(root, "activity-rate", 120m);
        await SetAsync(root, "activity-description", "Reunión con el notario");
        await SaveAsync(root);
        await root.WaitForAssertionAsync(() => Assert.Equal("Enter a duration of at least one minute.", FieldMessage(root, "activity-minutes")));
        await using (var db = Host.Db()) Assert.Equal(0, await db.Activities.CountAsync());

        await SetAsync<int?>(root, "activity-minutes", 90);
        await root.WaitForAssertionAsync(() => Assert.Contains("€180.00", root.Find("#activity-amount").TextContent));
        await SaveAsync(root);
        await root.WaitForAssertionAsync(() => Assert.Empty(root.FindAll("#activity-description")));
        await using (var db = Host.Db())
        {
            var saved = await db.Activities.SingleAsync();
            Assert.Equal((ActivityKind.Time, 90, 180_00L, (long?)null), (saved.Kind, saved.DurationMinutes!.Value, saved.AmountMinor, saved.ClientId));
        }
    }

    [Fact]
    public async Task MAT_10_from_a_client_page_the_matter_picker_offers_only_matters_where_it_is_active_and_preselects_it()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Bodegas Sur SA");
        var active = await Host.MatterAsync("Activo aquí", (a, true), (b, true));
        await Host.MatterAsync("Inactivo aquí", (a, false), (b, true));

        var root = await OpenAsync(new DialogParameters<ActivityDialog> { { d => d.ForClientId, a } });
        var picker = FindMud<MudAutocomplete<MatterOption>>(root, "activity-matter");
        var search = picker.Instance.SearchFunc ?? throw new InvalidOperationException("no search");
        IEnumerable<MatterOption>? found = null;
        await picker.InvokeAsync(async () => { var task = search("", CancellationToken.None); found = task is null ? null : await task!; });
        var offered = (found ?? []).ToList();
        Assert.Equal([active], offered.Select(m => m.Id));

        await picker.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(offered[0]));
        await root.WaitForAssertionAsync(() => Assert.Equal("Astillero Norte SL", root.Find("#activity-client").GetAttribute("value")));
    }

    [Fact]
    public async Task MAT_5_on_a_blocked_matter_the_panel_disables_its_buttons_and_says_why()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var matter = await Host.MatterAsync("Reclamación", (a, true));
        await Host.Activities().AddAsync(matter, ActivityForms.Expense(10_00));
        await Host.ToggleClientAsync(matter, a, false);

        var panel = RenderWithProviders<MatterActivitiesPanel>(p => p.Add(x => x.MatterId, matter));

        await panel.WaitForAssertionAsync(() => Assert.Single(panel.FindAll(".activity-row")));
        Assert.Contains("Every client of this matter is inactive", panel.Find("#activities-blocked").TextContent);
        Assert.True(FindMud<MudButton>(panel, "activities-new").Instance.Disabled);
        Assert.True(FindMud<MudButton>(panel, "activities-split").Instance.Disabled);
        Assert.True(FindMud<MudButton>(panel, "activities-proforma").Instance.Disabled);
        Assert.Empty(panel.FindAll(".activity-edit"));
    }

    [Fact]
    public async Task MAT_6_the_panel_follows_a_colleague_adding_an_activity()
    {
        var a = await CreateCompanyAsync("Astillero Norte SL");
        var b = await CreateCompanyAsync("Bodegas Sur SA");
        var matter = await Host.MatterAsync("Herencia", (a, true), (b, true));
        var panel = RenderWithProviders<MatterActivitiesPanel>(p => p.Add(x => x.MatterId, matter));
        await panel.WaitForAssertionAsync(() => Assert.NotEmpty(panel.FindAll("#activities-empty")));

        await AsColleague<ActivityService>().AddAsync(matter, ActivityForms.Expense(100_01));

        await panel.WaitForAssertionAsync(() => Assert.Single(panel.FindAll(".activity-row")));
        Assert.Equal(["Astillero Norte SL: €50.01", "Bodegas Sur SA: €50.00"], panel.FindAll(".activity-share").Select(e => e.TextContent.Trim()));
    }
}
