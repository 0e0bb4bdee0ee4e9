using CrmBlazor.Domain.Documents;

namespace CrmBlazor.Domain.Payments;

/// <summary>Why a document cannot be paid online now, as a message key; null when it can (SND-5).</summary>
public static class PaymentRules
{
    public static string? RefusalOf(Document document)
    {
        if (!document.Type.CanBePaid()) return "Error.DocumentNotPayable";
        if (document.Status == DocumentStatus.Cancelled) return "Error.PaymentDocumentCancelled";
        if (document.Status == DocumentStatus.Paid || document.BalanceMinor <= 0) return "Error.DocumentAlreadyPaid";
        if (document.OnHold) return "Error.PaymentDocumentOnHold";
        return document.CanBePaid ? null : "Error.DocumentNotPayable";
    }
}
