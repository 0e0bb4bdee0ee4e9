namespace CrmBlazor.Domain.Commercial;

/// <summary>A sales opportunity with a client (COM-4): moved across the board's stages, and it can create a quote.</summary>
public class Deal
{
    public const int TitleMax = 200;

    public long Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public long ClientId { get; private set; }

    /// <summary>Amount in minor units (cents) of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "EUR";
    public DealStage Stage { get; private set; }
    public string OwnerUserId { get; private set; } = string.Empty;
    public DateOnly? ExpectedClose { get; private set; }

    /// <summary>The quote this deal created, if any.</summary>
    public long? QuoteDocumentId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long Version { get; private set; } = 1;

    private Deal() { }

    public Deal(string title, long clientId, long amountMinor, string currency, DealStage stage, string ownerUserId, DateOnly? expectedClose, DateTime now)
    {
        Title = title;
        ClientId = clientId;
        AmountMinor = amountMinor;
        Currency = currency;
        Stage = stage;
        OwnerUserId = ownerUserId;
        ExpectedClose = expectedClose;
        CreatedAt = now;
        UpdatedAt = now;
    }
}
