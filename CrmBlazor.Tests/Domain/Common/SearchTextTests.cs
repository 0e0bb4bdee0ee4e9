using CrmBlazor.Domain.Common;

namespace CrmBlazor.Tests.Domain.Common;

/// <summary>Folding for case- and accent-insensitive search and sorting in the four UI languages (DIR-3).</summary>
public class SearchTextTests
{
    [Theory]
    [InlineData("Łódź", "lodz")]
    [InlineData("  ŁÓDŹ  ", "lodz")]
    [InlineData("Żółć Gęślą Jaźń", "zolc gesla jazn")]
    [InlineData("Société Générale", "societe generale")]
    [InlineData("Ça Française à Noël", "ca francaise a noel")]
    [InlineData("Peñíscola Año", "peniscola ano")]
    [InlineData("Straße", "strase")]
    [InlineData("Øresund Æble", "oresund able")]
    [InlineData("A-1 & B_2 / 100%", "a-1 & b_2 / 100%")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void DIR_3_fold_lowers_case_and_strips_accents(string? text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Fact]
    public void DIR_3_fold_is_idempotent_and_equal_for_every_spelling_of_the_same_word()
    {
        string[] spellings = ["Kraków", "KRAKÓW", "krakow", "Krako\u0301w"];
        Assert.Single(spellings.Select(SearchText.Fold).Distinct());
        Assert.Equal(SearchText.Fold("Kraków"), SearchText.Fold(SearchText.Fold("Kraków")));
    }

    [Theory]
    [InlineData("+48 (22) 600-100.200", "4822600100200")]
    [InlineData("no digits", "")]
    [InlineData(null, "")]
    public void DIR_3_phone_search_compares_digits_only(string? phone, string digits) =>
        Assert.Equal(digits, SearchText.DigitsOnly(phone));
}
