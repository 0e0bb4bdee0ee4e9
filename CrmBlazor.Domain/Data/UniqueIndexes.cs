namespace CrmBlazor.Domain.Data;

/// <summary>
/// The unique indexes whose violation a service turns into its own outcome (a message, a lost race), named once for
/// the model configuration and for the catch that recognises them.
/// </summary>
public static class UniqueIndexes
{
    public const string PersonEmail = "IX_Clients_PersonEmail";
    public const string ContactLinkPair = "IX_ContactLinks_CompanyId_PersonId";
    public const string ContactLinkOnePrimary = "IX_ContactLinks_OnePrimary";
    public const string PaymentPerProviderId = "IX_Payments_Provider_ProviderPaymentId";
    public const string PaymentEventPerProviderId = "IX_PaymentEvents_Provider_EventId";
    public const string ReminderPerLevel = "IX_RemindersSent_DocumentId_Level";
    public const string SubscriptionInvoicePerPeriod = "IX_SubscriptionInvoices_SubscriptionId_PeriodStart";
    public const string PortalAccountPerPerson = "IX_PortalAccounts_PersonId";
}
