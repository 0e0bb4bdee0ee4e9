namespace CrmBlazor.Domain.Clients;

/// <summary>A named list filter (DIR-4): private to its owner, or shared with every staff user.</summary>
public class SavedFilter
{
    public const int QueryMax = 2000;

    public long Id { get; private set; }
    public ClientKind ListKind { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string OwnerUserId { get; private set; } = string.Empty;
    public bool IsShared { get; private set; }

    /// <summary>The filter in its URL form (see <see cref="Filtering.ClientFilter"/>).</summary>
    public string Query { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    private SavedFilter() { }

    public SavedFilter(ClientKind listKind, string name, string ownerUserId, bool isShared, string query, DateTime now)
    {
        ListKind = listKind;
        Name = name;
        OwnerUserId = ownerUserId;
        IsShared = isShared;
        Query = query;
        CreatedAt = now;
    }
}
