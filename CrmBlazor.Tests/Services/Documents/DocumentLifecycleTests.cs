using CrmBlazor.Domain.Common;
using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>DOC-3: draft → issued → cancelled, and what each status refuses.</summary>
public class DocumentLifecycleTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_3_a_draft_is_edited_issued_then_cancelled(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var documents = host.Documents();
        var id = await host.DraftAsync(DocumentType.Invoice, client);
        var draft = await host.DetailsAsync(id);
        Assert.Equal((DocumentStatus.Draft, 1L), (draft.Status, draft.Version));

        var form = draft.ToForm();
        form.Lines.Add(Line(await host.RateAsync(10m), 2m, 10_00, description: "Pintura"));
        var version = await documents.UpdateDraftAsync(id, form, draft.Version);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await documents.IssueAsync(id);
        var issued = await host.DetailsAsync(id);
        host.Clock.Advance(TimeSpan.FromHours(1));
        await documents.CancelAsync(id, issued.Version);
        var cancelled = await host.DetailsAsync(id);

        Assert.Equal(2, version);
        Assert.Equal((DocumentStatus.Issued, 3L, 2), (issued.Status, issued.Version, issued.Lines.Count));
        Assert.Equal(new DateTime(2026, 11, 26, 10, 0, 0), issued.IssuedAt);
        Assert.Equal((DocumentStatus.Cancelled, 4L, "INV-2026-0001"), (cancelled.Status, cancelled.Version, cancelled.Number));
        Assert.Equal(new DateTime(2026, 11, 26, 11, 0, 0), cancelled.CancelledAt);
        Assert.Equal(90_00 + 20_00 + 18_90 + 2_00, cancelled.Totals.TotalMinor);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_3_editing_an_issued_document_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var id = await host.IssuedAsync(DocumentType.Invoice, client);
        var issued = await host.DetailsAsync(id);
        var form = issued.ToForm();
        form.Lines[0].Quantity = 99m;

        await Expect.RefusedAsync(() => host.Documents().UpdateDraftAsync(id, form, issued.Version), "Error.DocumentNotDraft");

        var after = await host.DetailsAsync(id);
        Assert.Equal((issued.Version, 2m), (after.Version, Assert.Single(after.Lines).Quantity));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_3_cancelling_a_draft_or_a_cancelled_document_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var documents = host.Documents();
        var draft = await host.DraftAsync(DocumentType.Quote, client);
        var issued = await host.IssuedAsync(DocumentType.Quote, client);
        await documents.CancelAsync(issued, 2);
        var history = (await host.DocumentCountsAsync()).History;

        await Expect.RefusedAsync(() => documents.CancelAsync(draft, 1), "Error.DocumentCannotCancel");
        await Expect.RefusedAsync(() => documents.CancelAsync(issued, 3), "Error.DocumentCannotCancel");

        Assert.Equal(DocumentStatus.Draft, (await host.DetailsAsync(draft)).Status);
        Assert.Equal(history, (await host.DocumentCountsAsync()).History);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_3_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var documents = host.Documents();
        var id = await host.DraftAsync(DocumentType.Invoice, client);
        var form = (await host.DetailsAsync(id)).ToForm();
        await documents.UpdateDraftAsync(id, form, 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => documents.UpdateDraftAsync(id, form, 1));
        await documents.IssueAsync(id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => documents.CancelAsync(id, 2));
        Assert.Equal(DocumentStatus.Issued, (await host.DetailsAsync(id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DOC_3_two_editors_saving_the_same_version_at_once_one_wins(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var documents = host.Documents();
        var id = await host.DraftAsync(DocumentType.Invoice, client);
        var form = (await host.DetailsAsync(id)).ToForm();

        var wins = await Expect.RaceAsync(() => documents.UpdateDraftAsync(id, form, 1), () => documents.UpdateDraftAsync(id, form, 1));

        Assert.Equal(1, wins);
        Assert.Equal(2, (await host.DetailsAsync(id)).Version);
    }
}
