using CrmBlazor.Domain.Data;
using CrmBlazor.Domain.Documents;
using CrmBlazor.Tests.Support;
using static CrmBlazor.Tests.Support.DocumentData;

namespace CrmBlazor.Tests.Services.Documents;

/// <summary>NF-3 through the service: bad input is refused by field and nothing is half-saved.</summary>
public class DocumentValidationTests
{
    private static readonly (Action<DocumentForm> Spoil, string Field, string Key)[] Spoilers =
    [
        (f => f.Lines[0].Quantity = 0m, "Lines[0].Quantity", "Error.QuantityRange|1000000"),
        (f => f.Lines[0].Quantity = 1.2345m, "Lines[0].Quantity", "Error.QuantityDecimals"),
        (f => f.Lines[0].UnitPriceMinor = -5, "Lines[0].UnitPriceMinor", "Error.PriceRange"),
        (f => f.Lines[0].DiscountPercent = 101m, "Lines[0].DiscountPercent", "Error.DiscountRange"),
        (f => f.Lines[0].TaxRateId = 987_654, "Lines[0].TaxRateId", "Error.TaxRateUnknown"),
        (f => f.Lines.Clear(), "Lines", "Error.NoLines"),
        (f => f.Lines = Enumerable.Range(0, 1001).Select(_ => f.Lines[0]).ToList(), "Lines", "Error.TooManyLines|1000"),
        (f => f.Notes = new string('x', 4001), "Notes", "Error.TooLong|4000"),
        (f => f.DueDate = f.IssueDate.AddDays(-1), "DueDate", "Error.DateBeforeIssue"),
        (f => f.ClientId = 424_242, "ClientId", "Error.ClientNotFound"),
    ];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_a_bad_draft_is_refused_by_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var before = await host.DocumentCountsAsync();

        foreach (var (spoil, field, key) in Spoilers)
            await Expect.FieldErrorAsync(async () => await host.DraftAsync(DocumentType.Invoice, client, spoil), field, key);

        Assert.Equal(before, await host.DocumentCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_a_bad_edit_leaves_the_stored_draft_unchanged(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var id = await host.DraftAsync(DocumentType.Invoice, client);
        var before = await host.DetailsAsync(id);
        var counts = await host.DocumentCountsAsync();

        foreach (var (spoil, field, key) in Spoilers)
        {
            var form = before.ToForm();
            spoil(form);
            await Expect.FieldErrorAsync(() => host.Documents().UpdateDraftAsync(id, form, before.Version), field, key);
        }

        var after = await host.DetailsAsync(id);
        Assert.Equal((before.Version, before.Totals.TotalMinor, before.Lines.Count), (after.Version, after.Totals.TotalMinor, after.Lines.Count));
        Assert.Equal(counts, await host.DocumentCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_a_contact_that_is_a_company_is_refused(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        var company = await host.CreateAsync(ClientBuilder.Company("Otra Empresa SA"));
        var person = await host.CreateAsync(ClientBuilder.Person());
        var before = await host.DocumentCountsAsync();

        await Expect.FieldErrorAsync(() => host.DraftAsync(DocumentType.Quote, client, f => f.ContactId = company), "ContactId", "Error.ContactInvalid");

        Assert.Equal(before, await host.DocumentCountsAsync());
        var id = await host.DraftAsync(DocumentType.Quote, client, f => f.ContactId = person);
        Assert.Equal(person, (await host.DetailsAsync(id)).ContactId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NF_3_html_in_a_description_is_stored_verbatim(DatabaseProvider provider)
    {
        await using var host = await DomainHost.CreateAsync(provider);
        var client = await host.CreateAsync(ClientBuilder.Company());
        const string html = "<img src=http://127.0.0.1/x><script>alert('x')</script> \"quoted\" & ünïcødé";

        var id = await host.DraftAsync(DocumentType.Invoice, client, f => { f.Lines[0].Description = html; f.Notes = html; });

        var details = await host.DetailsAsync(id);
        Assert.Equal(html, Assert.Single(details.Lines).Description);
        Assert.Equal(html, details.Notes);
    }
}
