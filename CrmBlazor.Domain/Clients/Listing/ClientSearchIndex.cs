using CrmBlazor.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Domain.Clients.Listing;

/// <summary>
/// "Contains" search over <see cref="Client.SearchText"/>. On SQLite a term of three characters or more is
/// looked up in an FTS5 trigram index per kind, CompanySearch and PersonSearch (created by the Initial migration, Initial.ClientSearch.cs):
/// a quoted trigram phrase matches exactly the rows that instr() matches, without reading every row. On
/// PostgreSQL the LIKE that EF sends is served by a pg_trgm GIN index on (Kind, SearchText) or, for a page in
/// name order, by a covering sort index (<see cref="PicksPageIdsFirst"/>); the planner picks the plan.
/// Neither index is in the EF model.
/// </summary>
internal static class ClientSearchIndex
{
    /// <summary>
    /// From this many hits on, a page walks the sort order and keeps the rows found in the index: a page
    /// fills after a few thousand rows. Below it, reading and sorting every match costs less.
    /// </summary>
    public const int DenseHits = 2_000;

    public static bool Applies(CrmDbContext db, string folded) => !db.IsPostgres && folded.EnumerateRunes().Count() >= 3;

    /// <param name="dense">
    /// False: the matches drive the query (join on the index, then sort them) — for counting and for few hits.
    /// True: the sort index drives it and each row is looked up in the set of matches; "Id + 0" keeps SQLite
    /// from using that set to drive the query instead.
    /// </param>
    public static IQueryable<Client> Where(CrmDbContext db, IQueryable<Client> q, ClientKind? kind, string folded, bool dense)
    {
        if (!Applies(db, folded)) return q.Where(c => c.SearchText.Contains(folded));
        var matches = Matches(db, kind, folded);
        return dense
            ? q.Where(c => matches.Contains(c.Id + 0))
            : q.Join(matches, c => c.Id, id => id, (c, _) => c);
    }

    /// <summary>
    /// On PostgreSQL a search page in name order is read in two steps: the page's ids by walking
    /// "IX_Clients_SortKey_Id_Search" (SortKey, Id, carrying Kind, Status and SearchText), which tests the
    /// LIKE on index entries without reading the table, then those rows. Walking the plain sort index
    /// reads a table row per entry: ~10,000 for "kow" among persons sorted by surname.
    /// </summary>
    public static bool PicksPageIdsFirst(CrmDbContext db, ClientSortField sort, bool searching) =>
        db.IsPostgres && searching && sort == ClientSortField.Name;

    /// <summary>Whether more than <see cref="DenseHits"/> clients match (for queries that do not count first).</summary>
    public static async Task<bool> IsDenseAsync(CrmDbContext db, ClientKind? kind, string folded, CancellationToken ct) =>
        Applies(db, folded) && await Matches(db, kind, folded).Take(DenseHits + 1).CountAsync(ct) > DenseHits;

    private static IQueryable<long> Matches(CrmDbContext db, ClientKind? kind, string folded)
    {
        var phrase = Phrase(folded);
        var companies = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "CompanySearch" WHERE "CompanySearch" MATCH {phrase}""");
        var persons = db.Database.SqlQuery<long>($"""SELECT rowid AS "Value" FROM "PersonSearch" WHERE "PersonSearch" MATCH {phrase}""");
        return kind switch
        {
            ClientKind.Company => companies,
            ClientKind.Person => persons,
            _ => companies.Concat(persons),
        };
    }

    /// <summary>The term as one FTS5 string; the trigram tokenizer turns it into consecutive trigrams, i.e. a substring.</summary>
    private static string Phrase(string folded) => $"\"{folded.Replace("\"", "\"\"")}\"";
}
