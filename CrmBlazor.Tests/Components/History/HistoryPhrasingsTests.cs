using System.Text.Json;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Matters;
using CrmBlazor.History;
using CrmBlazor.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.History;

/// <summary>Each feature phrases its own history kinds; the registry finds the phrasing by kind (HIS-1).</summary>
public sealed class HistoryPhrasingsTests
{
    private static readonly Text Texts = new();

    private static HistoryPhrasings Registry() =>
        new ServiceCollection().AddHistoryPhrasings().BuildServiceProvider().GetRequiredService<HistoryPhrasings>();

    [Fact]
    public void HIS_1_every_kind_but_the_support_messages_is_phrased_by_exactly_one_feature()
    {
        var claimed = new ServiceCollection().AddHistoryPhrasings().BuildServiceProvider()
            .GetServices<IHistoryPhrasing>().SelectMany(p => p.Kinds).ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal([HistoryKind.SupportMessageFromContact, HistoryKind.SupportMessageFromStaff],
            Enum.GetValues<HistoryKind>().Except(claimed).Order());
        Assert.NotNull(Registry());
    }

    [Fact]
    public void A_kind_claimed_by_two_features_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HistoryPhrasings([new CommentsToo(), new CommentsToo()]));
        Assert.Contains(nameof(HistoryKind.Comment), error.Message);
    }

    [Fact]
    public void A_kind_no_feature_phrases_shows_its_text_under_the_plain_icon()
    {
        var item = new HistoryItem(1, HistoryKind.SupportMessageFromContact, DateTime.UtcNow, "Zofia", "Where is my invoice?", null, null);
        Assert.Equal(["Where is my invoice?"], Registry().Lines(item, Texts));
        Assert.Null(Registry().Link(item));
    }

    [Fact]
    public void MAT_2_a_party_line_names_the_matter_in_a_clients_history_but_not_on_the_matters_own_timeline()
    {
        var data = JsonSerializer.Serialize(new MatterPartyData(7, "EXP-2026-0007", "Herencia", 3, "Alfa SL", PartyRole.Client, PartyChanges.Added));
        var inClientHistory = new HistoryItem(1, HistoryKind.MatterPartyAdded, DateTime.UtcNow, "Ana", "", data, MatterId: null);
        var onMatter = inClientHistory with { MatterId = 7 };

        Assert.Equal(["EXP-2026-0007 Herencia", "Alfa SL added as Client"], Registry().Lines(inClientHistory, Texts));
        Assert.Equal(["Alfa SL added as Client"], Registry().Lines(onMatter, Texts));
        Assert.Equal("/matters/7", Registry().Link(inClientHistory));
    }

    private sealed class CommentsToo : IHistoryPhrasing
    {
        public IReadOnlyCollection<HistoryKind> Kinds { get; } = [HistoryKind.Comment];
        public string Icon(HistoryKind kind) => "";
        public IEnumerable<string> Lines(HistoryItem item, Text t) => [];
    }
}
