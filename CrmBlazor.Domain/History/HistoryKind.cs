namespace CrmBlazor.Domain.History;

/// <summary>What a history entry is about (HIS-1). Later features add their own kinds here.</summary>
public enum HistoryKind
{
    Created = 0,
    Edited = 1,
    Linked = 2,
    Unlinked = 3,
    Comment = 4,
    PrimaryContactChanged = 5,
    NotificationsChanged = 6,
    DocumentCreated = 20,
    DocumentIssued = 21,
    DocumentCancelled = 22,
    DocumentConverted = 23,
    DocumentClientChanged = 24,
    MailSent = 30,
    MailFailed = 31,
    // Public links and the client's answer (SND-3, SND-4, SND-6): 35–39.
    DocumentViewed = 35,
    DocumentAccepted = 36,
    DocumentRejected = 37,
    PublicLinksRevoked = 38,
    PublicLinkCreated = 39,
    // Payments (SND-5, SND-6): 40–44.
    DocumentPaid = 40,
    DocumentPartlyPaid = 41,
    PaymentFlagged = 42,
    DocumentQueued = 45,
    ReminderQueued = 46,
    ReminderNotSent = 47,
    DocumentHeld = 48,
    DocumentReleased = 49,
    // Archive (ARC-5): 50–54.
    ClientArchived = 50,
    ClientRestored = 51,
    // Deactivation, reactivation and subscriptions (DEA-4, DEA-5, DEA-6): 55–59.
    ClientDeactivated = 55,
    ClientReactivated = 56,
    SubscriptionCreated = 57,
    SubscriptionEnded = 58,
    SubscriptionInvoiced = 59,
    // Matters and their parties (MAT-1, MAT-2, MAT-11, MAT-12, MAT-14): 60–64, on the matter's timeline and in the clients' History.
    MatterCreated = 60,
    MatterPartyAdded = 61,
    MatterPartyRemoved = 62,
    /// <summary>Made active or inactive on the matter, or its portal sharing switched.</summary>
    MatterPartyChanged = 63,
    /// <summary>An intervenant added or removed, or the matter deleted.</summary>
    MatterChanged = 64,
    // Activities, client split, transfers, matter proformas (MAT-6..MAT-9, MAT-13): 65–69.
    ActivityRecorded = 65,
    MatterSplitChanged = 66,
    ActivitiesTransferred = 67,
    MatterProformasDrafted = 68,
    // Contacts and the client portal (CON-1, CON-3..5, POR-1, POR-2): 70–79.
    PortalAccessGranted = 70,
    WelcomeEmailQueued = 71,
    SetPasswordEmailQueued = 72,
    PortalPasswordSet = 73,
    PortalPermissionsChanged = 74,
    SupportMessageFromContact = 75,
    SupportMessageFromStaff = 76,
    // Commercial follow-ups and deals (COM-1..4): 80–89.
    FollowUpScheduled = 80,
    FollowUpReassigned = 81,
    FollowUpCompleted = 82,
    FollowUpEdited = 83,
    DealCreated = 85,
    DealStageChanged = 86,
    DealEdited = 87,
    DealQuoteCreated = 88,
}
