using CrmBlazor.Domain.Documents;
using CrmBlazor.Domain.Settings;

namespace CrmBlazor.Tests.Support;

/// <summary>Valid document forms for tests: one line at the first Spanish 21 % rate unless told otherwise.</summary>
public static class DocumentBuilder
{
    public static async Task<DocumentForm> InvoiceAsync(DomainHost host, long clientId, Action<DocumentForm>? change = null) =>
        await FormAsync(host, DocumentType.Invoice, clientId, change);

    public static async Task<DocumentForm> FormAsync(DomainHost host, DocumentType type, long clientId, Action<DocumentForm>? change = null)
    {
        var rates = await host.Get<SettingsService>().TaxRatesAsync();
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var form = new DocumentForm
        {
            Type = type, ClientId = clientId, Language = "es", Currency = "EUR", IssueDate = today,
            DueDate = type.HasDueDate() ? today.AddDays(30) : null, ValidUntil = type.HasValidUntil() ? today.AddDays(30) : null,
            Lines = [new LineInput { Description = "Reparación del casco", Quantity = 2, Unit = "h", UnitPriceMinor = 45_00, TaxRateId = Rate(rates, 21m, "ES") }],
        };
        change?.Invoke(form);
        return form;
    }

    public static long Rate(IReadOnlyList<TaxRateView> rates, decimal percent, string country) =>
        rates.First(r => r.Percent == percent && r.Country == country).Id;
}
