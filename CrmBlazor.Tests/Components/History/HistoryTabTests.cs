using Bunit;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.History;
using CrmBlazor.History;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Components.History;

/// <summary>The History tab: newest first, filter by kind (HIS-1), staff comments (HIS-2).</summary>
public class HistoryTabTests : ComponentTestBase
{
    private long _client;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _client = await CreateCompanyAsync("Astillero Norte SL");
        var clients = Host.Get<ClientService>();
        await clients.UpdateAsync(_client, ClientBuilder.Company("Astillero Norte SA"), 1);
        await Host.Get<HistoryService>().AddCommentAsync(_client, "Called about the new price list.");
    }

    private IRenderedComponent<HistoryTab> RenderHistory() =>
        RenderWithProviders<HistoryTab>(p => p.Add(x => x.ClientId, _client));

    private static string[] Kinds(IRenderedComponent<HistoryTab> cut) =>
        cut.FindAll("#history-list .history-item b").Select(b => b.TextContent.Trim()).ToArray();

    private async Task<List<HistoryEvent>> CommentsInDatabaseAsync()
    {
        await using var db = Host.Db();
        return await db.History.Where(h => h.ClientId == _client && h.Kind == HistoryKind.Comment).OrderBy(h => h.Id).ToListAsync();
    }

    [Fact]
    public async Task HIS_1_lists_every_event_newest_first_with_who_and_what()
    {
        var cut = RenderHistory();

        await cut.WaitForAssertionAsync(() => Assert.Equal(["Comment", "Edited", "Created"], Kinds(cut)));
        var items = cut.FindAll("#history-list .history-item");
        Assert.Contains("Called about the new price list.", items[0].TextContent);
        Assert.Contains(TestActor.Admin.Name, items[0].TextContent);
        Assert.Contains("Company name: Astillero Norte SL → Astillero Norte SA", items[1].TextContent);
    }

    [Fact]
    public async Task HIS_1_filtering_by_kind_shows_only_that_kind_and_clearing_shows_all_again()
    {
        var cut = RenderHistory();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Kinds(cut).Length));

        await SelectAsync<HistoryKind?>(cut, "history-kind", HistoryKind.Edited);
        await cut.WaitForAssertionAsync(() => Assert.Equal(["Edited"], Kinds(cut)));

        await SelectAsync<HistoryKind?>(cut, "history-kind", HistoryKind.Linked);
        await cut.WaitForAssertionAsync(() => Assert.Empty(Kinds(cut)));
        Assert.Contains("Nothing here yet.", cut.Markup);

        await SelectAsync<HistoryKind?>(cut, "history-kind", null);
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Kinds(cut).Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task HIS_2_posting_an_empty_comment_shows_the_error_at_the_field_and_saves_nothing(string text)
    {
        var cut = RenderHistory();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Kinds(cut).Length));
        await cut.Find("#history-comment").ChangeAsync(new ChangeEventArgs { Value = text });

        await cut.Find("#history-comment-add").ClickAsync(new());

        await cut.WaitForAssertionAsync(() => Assert.Equal("This field is required.", FieldMessage(cut, "history-comment")));
        Assert.Single(await CommentsInDatabaseAsync());
        Assert.Equal(3, Kinds(cut).Length);
    }

    [Fact]
    public async Task HIS_2_posting_a_comment_adds_it_on_top_and_clears_the_field()
    {
        var cut = RenderHistory();
        await cut.WaitForAssertionAsync(() => Assert.Equal(3, Kinds(cut).Length));
        await cut.Find("#history-comment").ChangeAsync(new ChangeEventArgs { Value = "Wants a quote for 3 hulls.\nCall back Monday." });

        await cut.Find("#history-comment-add").ClickAsync(new());

        await cut.WaitForAssertionAsync(() =>
        {
            Assert.Equal(["Comment", "Comment", "Edited", "Created"], Kinds(cut));
            Assert.Contains("Wants a quote for 3 hulls.\nCall back Monday.", cut.Find("#history-list .history-item .history-text").TextContent);
        });
        Assert.Equal(string.Empty, cut.Find("#history-comment").GetAttribute("value") ?? cut.Find("#history-comment").TextContent);
        var saved = (await CommentsInDatabaseAsync())[^1];
        Assert.Equal("Wants a quote for 3 hulls.\nCall back Monday.", saved.Text);
        Assert.Equal(TestActor.Admin.UserId, saved.UserId);
    }
}
