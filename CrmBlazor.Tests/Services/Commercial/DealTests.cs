using System.Globalization;
using CrmBlazor.Domain.Clients;
using CrmBlazor.Domain.Clients.Listing;
using CrmBlazor.Domain.Commercial;
using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Tests.Support;
using CrmBlazor.Tests.Support.Commercial;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Tests.Services.Commercial;

/// <summary>Deals (COM-4, DEA-7) on both databases: field errors, amounts in the user's culture, the board, stages, the quote.</summary>
public class DealTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-ES");

    private static async Task<(DomainHost Host, long Client)> HostAsync(DatabaseProvider provider)
    {
        var host = await DomainHost.CreateAsync(provider);
        await host.SalesTeamAsync();
        return (host, await host.CreateAsync(ClientBuilder.Company("Astillero Norte SL")));
    }

    [Theory]
    [InlineData("es-ES", "1.234,50", 123_450L, null)]
    [InlineData("es-ES", "1234,5", 123_450L, null)]
    [InlineData("pl-PL", "1 234,50", 123_450L, null)]
    [InlineData("fr-FR", "1\u202f234,50", 123_450L, null)]
    [InlineData("en-GB", "1,234.50", 123_450L, null)]
    [InlineData("es-ES", "12.50", null, "Error.AmountInvalid")]   // a misplaced group separator is refused, never read as 1,250
    [InlineData("es-ES", "1,234", null, "Error.AmountDecimals")]
    [InlineData("en-GB", "-5", null, "Error.AmountNegative")]
    [InlineData("en-GB", "12abc", null, "Error.AmountInvalid")]
    [InlineData("en-GB", " ", null, "Error.Required")]
    [InlineData("en-GB", "100000001", null, "Error.AmountTooLarge")]
    public void COM_4_amounts_are_read_in_the_users_culture(string culture, string text, long? minor, string? error)
    {
        Assert.Equal(minor, DealForm.ParseAmount(text, CultureInfo.GetCultureInfo(culture), out var key));
        Assert.Equal(error, key);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_4_bad_input_is_refused_on_its_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var deals = host.Deals();
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(client, title: "  "), Spanish), nameof(DealForm.Title), "Error.Required");
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(client, title: new string('x', Deal.TitleMax + 1)), Spanish),
            nameof(DealForm.Title), $"Error.TooLong|{Deal.TitleMax}");
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(0), Spanish), nameof(DealForm.ClientId), "Error.Required");
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(client, "-1"), Spanish), nameof(DealForm.Amount), "Error.AmountNegative");
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(client, owner: CommercialData.RemovedId), Spanish),
            nameof(DealForm.OwnerUserId), $"Error.UserRemoved|{CommercialData.RemovedName}");
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(client, owner: ""), Spanish), nameof(DealForm.OwnerUserId), "Error.SalespersonRequired");
        var archived = await host.CreateAsync(ClientBuilder.Company("Cerrado SL"));
        await host.ArchiveAsync(archived);
        await Expect.FieldErrorAsync(() => deals.CreateAsync(CommercialData.Deal(archived), Spanish), nameof(DealForm.ClientId), "Error.ClientArchived");
        await using var db = host.Db();
        Assert.Equal(0, await db.Deals.CountAsync());
        Assert.Equal(0, await db.History.CountAsync(h => h.Kind == HistoryKind.DealCreated));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DEA_7_a_deactivated_client_is_pickable_for_a_deal_and_marked_inactive(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        await host.DeactivateAsync(client);
        var picked = Assert.Single(await host.Get<ClientDirectory>().PickAsync("Astillero", ClientKind.Company, 20));
        Assert.Equal(ClientStatus.Inactive, picked.Status);

        var id = await host.Deals().CreateAsync(CommercialData.Deal(picked.Id, "1.234,50"), Spanish);
        var card = (await host.DealReads().GetAsync(id))!;
        Assert.Equal((ClientStatus.Inactive, 123_450L, "EUR", "Sylwia Sales"), (card.ClientStatus, card.AmountMinor, card.Currency, card.OwnerName));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_4_moving_a_deal_checks_the_version_writes_the_history_and_the_board_adds_up_per_column(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var polish = await host.CreateAsync(ClientBuilder.Person("Zofia", "Nowak")); // PLN
        var a = await host.Deals().CreateAsync(CommercialData.Deal(client, "1000"), CultureInfo.InvariantCulture);
        await host.Deals().CreateAsync(CommercialData.Deal(client, "250.50", "Antifouling"), CultureInfo.InvariantCulture);
        await host.Deals().CreateAsync(CommercialData.Deal(polish, "300", "Serwis silnika"), CultureInfo.InvariantCulture);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => host.Deals().MoveStageAsync(a, DealStage.Won, 2));
        await host.Deals().MoveStageAsync(a, DealStage.Won, 1);
        await host.Deals().MoveStageAsync(a, DealStage.Won, 2); // already there: nothing written

        var board = await host.DealReads().BoardAsync();
        Assert.Equal(Enum.GetValues<DealStage>(), board.Select(c => c.Stage));
        var lead = board[0];
        Assert.Equal(2, lead.Count);
        Assert.Equal([new("EUR", 250_50), new("PLN", 300_00)], lead.Totals);
        Assert.Equal([a], board.Single(c => c.Stage == DealStage.Won).Cards.Select(d => d.Id));
        await using var db = host.Db();
        var moved = await db.History.SingleAsync(h => h.Kind == HistoryKind.DealStageChanged);
        Assert.Contains("\"FromStage\":0", moved.Data);
        Assert.Contains("\"Stage\":4", moved.Data);
        Assert.Equal(2, (await db.Deals.SingleAsync(d => d.Id == a)).Version);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_4_create_quote_drafts_one_line_for_the_deal_links_it_and_a_second_call_opens_the_same(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var id = await host.Deals().CreateAsync(CommercialData.Deal(client, "1.234,50", "Invernaje velero 12 m"), Spanish);

        var quote = await host.Deals().CreateQuoteAsync(id);
        Assert.Equal(quote, await host.Deals().CreateQuoteAsync(id));
        var document = (await host.Get<DocumentService>().GetAsync(quote))!;
        Assert.Equal((DocumentType.Quote, DocumentStatus.Draft, client, "EUR"), (document.Type, document.Status, document.ClientId, document.Currency));
        var line = Assert.Single(document.Lines);
        Assert.Equal(("Invernaje velero 12 m", 1m, 123_450L), (line.Description, line.Quantity, line.UnitPriceMinor));
        Assert.Equal(21m, line.TaxPercent); // the editor's first rate: Spain, highest first
        Assert.Equal(quote, (await host.DealReads().GetAsync(id))!.QuoteDocumentId);
        await using var check = host.Db();
        Assert.Equal(1, await check.Documents.CountAsync());
        Assert.Equal(1, await check.History.CountAsync(h => h.Kind == HistoryKind.DealQuoteCreated));
        Assert.Equal(1, await check.History.CountAsync(h => h.Kind == HistoryKind.DocumentCreated));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task COM_4_the_list_sorts_by_amount_and_close_filters_by_stage_and_owner(DatabaseProvider provider)
    {
        var (host, client) = await HostAsync(provider);
        await using var _ = host;
        var deals = host.Deals();
        async Task<long> Make(string title, string amount, DealStage stage, string owner, DateOnly? close)
        {
            var form = CommercialData.Deal(client, amount, title, stage, owner);
            form.ExpectedClose = close;
            return await deals.CreateAsync(form, CultureInfo.InvariantCulture);
        }
        var small = await Make("Small", "10", DealStage.Lead, "sales-1", new DateOnly(2027, 1, 10));
        var big = await Make("Big", "900", DealStage.Proposal, "admin-1", new DateOnly(2026, 12, 1));
        var undated = await Make("Undated", "50", DealStage.Lead, "sales-1", null);

        var reads = host.DealReads();
        Assert.Equal([big, undated, small], (await reads.ListAsync(new DealListRequest(Sort: DealSort.Amount, Descending: true))).Rows.Select(r => r.Id));
        Assert.Equal([big, small, undated], (await reads.ListAsync(new DealListRequest())).Rows.Select(r => r.Id));
        Assert.Equal([small, big, undated], (await reads.ListAsync(new DealListRequest(Descending: true))).Rows.Select(r => r.Id));
        Assert.Equal([undated, small], (await reads.ListAsync(new DealListRequest(Stage: DealStage.Lead, Sort: DealSort.Title, Descending: true))).Rows.Select(r => r.Id));
        var admins = await reads.ListAsync(new DealListRequest(OwnerUserId: "admin-1"));
        Assert.Equal([big], admins.Rows.Select(r => r.Id));
        Assert.Equal(1, admins.Total);

        // 5,000 zł is not "more" than 900 €: amounts are compared within their currency.
        var polish = await host.CreateAsync(ClientBuilder.Company("Stocznia Hel Sp. z o.o.", f => f.Currency = "PLN"));
        var zloty = await deals.CreateAsync(CommercialData.Deal(polish, "5000", "Przegląd", DealStage.Lead, "sales-1"), CultureInfo.InvariantCulture);
        Assert.Equal([big, undated, small, zloty], (await reads.ListAsync(new DealListRequest(Sort: DealSort.Amount, Descending: true))).Rows.Select(r => r.Id));
        Assert.Equal([small, undated, big, zloty], (await reads.ListAsync(new DealListRequest(Sort: DealSort.Amount))).Rows.Select(r => r.Id));
    }
}
