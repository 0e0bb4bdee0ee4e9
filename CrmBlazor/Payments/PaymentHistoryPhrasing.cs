using CrmBlazor.Documents;
using CrmBlazor.Domain.History;
using CrmBlazor.Domain.Payments;
using CrmBlazor.History;
using CrmBlazor.Localization;
using MudBlazor;

namespace CrmBlazor.Payments;

/// <summary>History lines of payments (SND-6): "Invoice INV-… — €50.00 by bank transfer, €71.00 still due", and flagged confirmations.</summary>
public sealed class PaymentHistoryPhrasing : IHistoryPhrasing
{
    public IReadOnlyCollection<HistoryKind> Kinds { get; } =
        [HistoryKind.DocumentPaid, HistoryKind.DocumentPartlyPaid, HistoryKind.PaymentFlagged];

    public string Icon(HistoryKind kind) =>
        kind == HistoryKind.PaymentFlagged ? Icons.Material.Filled.ReportProblem : Icons.Material.Filled.Payments;

    public IEnumerable<string> Lines(HistoryItem item, Text t)
    {
        if (item.Kind == HistoryKind.PaymentFlagged && HistoryData.Parse<PaymentFlagData>(item.Data) is { } flag)
        {
            yield return t["Payments.History.Flagged", DocumentText.Label(flag.Type, flag.Number, t), DocumentText.Money(flag.AmountMinor, flag.Currency),
                DocumentText.Money(flag.ExpectedMinor, flag.ExpectedCurrency), flag.ProviderPaymentId];
            yield return t["Payments.Flag." + flag.Reason];
        }
        else if (HistoryData.Parse<PaymentHistoryData>(item.Data) is { } paid)
        {
            yield return t["Payments.History.Paid", DocumentText.Label(paid.Type, paid.Number, t), DocumentText.Money(paid.AmountMinor, paid.Currency),
                PaymentText.How(paid.Method, paid.Provider, t)];
            if (paid.BalanceMinor > 0) yield return t["Payments.History.StillDue", DocumentText.Money(paid.BalanceMinor, paid.Currency)];
        }
    }

    public string? Link(HistoryItem item) => item.Kind == HistoryKind.PaymentFlagged
        ? HistoryData.Parse<PaymentFlagData>(item.Data) is { } flag ? DocumentText.Href(flag.DocumentId) : null
        : HistoryData.Parse<PaymentHistoryData>(item.Data) is { } paid ? DocumentText.Href(paid.DocumentId) : null;
}
