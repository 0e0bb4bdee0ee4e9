using CrmBlazor.Domain.Clients.Filtering;
using CrmBlazor.Domain.Common;
using CrmBlazor.Tests.Support;

namespace CrmBlazor.Tests.Domain.Clients;

/// <summary>Filter rules as they travel in URLs and saved filters (DIR-4): what parses, and what a hand-edited URL gets.</summary>
public class FilterRuleTests
{
    [Theory]
    [InlineData("active.eq.no", "active", FilterOperator.Equals, "no")]
    [InlineData("active.ne.yes", "active", FilterOperator.NotEquals, "yes")]
    [InlineData("role.eq.supplier", "role", FilterOperator.Equals, "supplier")]
    [InlineData("email.contains.jan.kowalski@firma.pl", "email", FilterOperator.Contains, "jan.kowalski@firma.pl")]
    [InlineData("name.starts. Łódź ", "name", FilterOperator.StartsWith, "Łódź")]
    [InlineData("city.empty", "city", FilterOperator.IsEmpty, "")]
    [InlineData("country.notempty.", "country", FilterOperator.IsNotEmpty, "")]
    [InlineData("language.ne.pl", "language", FilterOperator.NotEquals, "pl")]
    [InlineData("currency.eq.CHF", "currency", FilterOperator.Equals, "CHF")]
    [InlineData("created.after.2026-02-28", "created", FilterOperator.After, "2026-02-28")]
    public void DIR_4_offered_rules_parse_and_print_back_to_the_same_url_form(string text, string field, FilterOperator op, string value)
    {
        var rule = FilterRule.Parse(text);

        Assert.Equal(new FilterRule(field, op, value), rule);
        Assert.Equal(rule, FilterRule.Parse(rule.ToString()));
    }

    [Theory]
    [InlineData("active", "Error.FilterMalformed")]
    [InlineData("status.eq.archived", "Error.FilterFieldNotOffered")]
    [InlineData("Active.eq.no", "Error.FilterFieldNotOffered")]
    [InlineData("name.like.%a%", "Error.FilterOperatorNotOffered")]
    [InlineData("active.contains.no", "Error.FilterOperatorNotOffered")]
    [InlineData("created.eq.2026-01-01", "Error.FilterOperatorNotOffered")]
    [InlineData("active.eq.maybe", "Error.FilterValueNotOffered")]
    [InlineData("active.eq.No", "Error.FilterValueNotOffered")]
    [InlineData("language.eq.de", "Error.FilterValueNotOffered")]
    [InlineData("role.eq.partner", "Error.FilterValueNotOffered")]
    [InlineData("name.contains.", "Error.FilterValueRequired")]
    [InlineData("city.eq.   ", "Error.FilterValueRequired")]
    [InlineData("created.before.2026-02-30", "Error.FilterDateInvalid")]
    [InlineData("created.before.yesterday", "Error.FilterDateInvalid")]
    public void DIR_4_a_hand_edited_rule_that_is_not_offered_is_refused_with_its_message(string text, string messageKey)
    {
        var error = Expect.Refused(() => ClientFilter.Parse([text]), messageKey);
        Assert.Equal("filter", error.Field);
    }

    [Fact]
    public void DIR_4_values_and_rule_counts_are_bounded()
    {
        FilterRule.Parse("name.contains." + new string('a', FilterRule.ValueMax));
        Expect.Refused(() => FilterRule.Parse("name.contains." + new string('a', FilterRule.ValueMax + 1)), "Error.FilterValueTooLong");

        ClientFilter.Parse(Enumerable.Repeat("active.eq.no", ClientFilter.MaxRules));
        var error = Expect.Refused(() => ClientFilter.Parse(Enumerable.Repeat("active.eq.no", ClientFilter.MaxRules + 1)), "Error.FilterTooManyRules");
        Assert.Equal(ClientFilter.MaxRules, Assert.Single(error.Args));
    }

    [Fact]
    public void DIR_4_a_filter_round_trips_through_its_stored_and_url_forms()
    {
        var filter = ClientFilter.Parse(["active.eq.no", "", "  ", "email.contains.a.b@c.pl", "city.empty"]);

        Assert.Equal(3, filter.Rules.Count);
        Assert.Equal(filter.Rules, ClientFilter.FromStored(filter.ToStored()).Rules);
        Assert.Equal(filter.Rules, ClientFilter.Parse(filter.ToUrlValues()).Rules);
        Assert.Equal(["active.eq.no", "city.empty."], filter.Without(1).ToUrlValues());
        Assert.Equal(4, filter.With(FilterRule.Parse("role.eq.client")).Rules.Count);
        Assert.Empty(ClientFilter.None.Rules);
    }

    [Fact]
    public void DIR_4_every_offered_field_has_operators_and_every_choice_parses()
    {
        foreach (var field in FilterFields.All)
        {
            Assert.NotEmpty(field.Operators);
            foreach (var op in field.Operators)
            {
                var value = !op.NeedsValue() ? "" : field.Type switch
                {
                    FilterValueType.Choice => field.Choices[0],
                    FilterValueType.Date => "2026-01-31",
                    _ => "x",
                };
                Assert.Equal(new FilterRule(field.Key, op, value), FilterRule.Parse($"{field.Key}.{op.Token()}.{value}"));
            }
            foreach (var choice in field.Choices) FilterRule.Parse($"{field.Key}.eq.{choice}");
        }
        Assert.Contains(FilterFields.All, f => f.Key == "active" && f.Choices.Contains("no"));
    }
}
