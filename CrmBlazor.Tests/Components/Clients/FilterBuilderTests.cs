using Bunit;
using CrmBlazor.Clients;
using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;

namespace CrmBlazor.Tests.Components.Clients;

/// <summary>The filter builder on its own (DIR-4): what it raises, and what it refuses.</summary>
public class FilterBuilderTests : ComponentTestBase
{
    private readonly List<ClientFilter> _raised = [];

    private IRenderedComponent<FilterBuilder> RenderBuilder(ClientFilter? filter = null)
    {
        var cut = RenderWithProviders<FilterBuilder>(p => p
            .Add(x => x.Filter, filter ?? ClientFilter.None)
            .Add(x => x.FilterChanged, f => _raised.Add(f)));
        cut.Find("#filter-open").Click();
        return cut;
    }

    [Fact]
    public async Task DIR_4_adding_active_equals_no_raises_the_rule_active_eq_no()
    {
        var cut = RenderBuilder();
        await SelectAsync(cut, "filter-field", FilterFields.Active);
        await SelectAsync(cut, "filter-operator", FilterOperator.Equals);
        await SelectAsync(cut, "filter-value", FilterFields.No);

        await cut.Find("#filter-add").ClickAsync(new());

        var filter = Assert.Single(_raised);
        Assert.Equal(["active.eq.no"], filter.ToUrlValues());
    }

    [Fact]
    public async Task DIR_4_a_new_rule_is_added_to_the_rules_already_there()
    {
        var cut = RenderBuilder(ClientFilter.Parse(["role.eq.supplier"]));
        await SelectAsync(cut, "filter-field", FilterFields.City);
        await cut.Find("#filter-value").InputAsync(new ChangeEventArgs { Value = "Bilbao" });

        await cut.Find("#filter-add").ClickAsync(new());

        Assert.Equal(["role.eq.supplier", "city.contains.Bilbao"], Assert.Single(_raised).ToUrlValues());
    }

    [Fact]
    public async Task DIR_4_a_text_rule_without_value_shows_the_error_at_the_value_and_raises_nothing()
    {
        var cut = RenderBuilder();
        await SelectAsync(cut, "filter-field", FilterFields.Name);

        await cut.Find("#filter-add").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal("Enter a value.", FieldMessage(cut, "filter-value")));
        Assert.Empty(_raised);
    }

    [Fact]
    public async Task DIR_4_the_rules_show_as_chips_in_words_and_clear_all_raises_an_empty_filter()
    {
        var cut = RenderBuilder(ClientFilter.Parse(["active.eq.no", "city.starts.bil"]));

        var chips = cut.FindAll("#filter-rules .filter-rule").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Active equals No", "City starts with bil"], chips);

        await cut.Find("#filter-clear").ClickAsync(new());

        Assert.Empty(Assert.Single(_raised).Rules);
    }
}
