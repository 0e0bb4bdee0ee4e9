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

    /// <summary>Replaces the details; true when anything changed. Input is already validated (<see cref="DealForm"/>).</summary>
    public bool Edit(string title, long clientId, long amountMinor, string currency, DealStage stage, string ownerUserId, DateOnly? expectedClose, DateTime now)
    {
        if (Title == title && ClientId == clientId && AmountMinor == amountMinor && Currency == currency && Stage == stage
            && OwnerUserId == ownerUserId && ExpectedClose == expectedClose) return false;
        (Title, ClientId, AmountMinor, Currency, Stage, OwnerUserId, ExpectedClose) = (title, clientId, amountMinor, currency, stage, ownerUserId, expectedClose);
        Touch(now);
        return true;
    }

    /// <summary>Moves the deal to another column of the board; false when it is already there.</summary>
    public bool MoveTo(DealStage stage, DateTime now)
    {
        if (Stage == stage) return false;
        Stage = stage;
        Touch(now);
        return true;
    }

    /// <summary>Remembers the quote made from the deal; a deal has one quote (the next "Create quote" opens it).</summary>
    public void LinkQuote(long documentId, DateTime now)
    {
        if (QuoteDocumentId is not null) throw new Common.DomainException("Error.DealHasQuote");
        QuoteDocumentId = documentId;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
