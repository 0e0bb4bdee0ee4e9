using CrmBlazor.Domain.Clients;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CrmBlazor.Domain.Data.Migrations.Sqlite
{
    /// <summary>
    /// The list search on SQLite: one FTS5 trigram index of Clients.SearchText per kind (see ClientSearchIndex),
    /// contentless and kept in step by triggers, so "contains" no longer reads every row. Not in the EF model.
    /// A later migration that rebuilds the Clients table drops these triggers: it must create them again.
    /// </summary>
    public partial class Initial
    {
        private static readonly (string Table, int Kind)[] SearchIndexes =
            [("CompanySearch", (int)ClientKind.Company), ("PersonSearch", (int)ClientKind.Person)];

        private static void CreateClientSearch(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, kind) in SearchIndexes)
            {
                migrationBuilder.Sql($"""CREATE VIRTUAL TABLE "{table}" USING fts5("SearchText", content='', tokenize='trigram case_sensitive 1');""");
                migrationBuilder.Sql($"""INSERT INTO "{table}"(rowid, "SearchText") SELECT "Id", "SearchText" FROM "Clients" WHERE "Kind" = {kind};""");
            }
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Clients_SearchInsert" AFTER INSERT ON "Clients" BEGIN
                {string.Concat(SearchIndexes.Select(i => Add(i.Table, i.Kind)))}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Clients_SearchDelete" AFTER DELETE ON "Clients" BEGIN
                {string.Concat(SearchIndexes.Select(i => Remove(i.Table, i.Kind)))}END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Clients_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Clients" BEGIN
                {string.Concat(SearchIndexes.Select(i => Remove(i.Table, i.Kind) + Add(i.Table, i.Kind)))}END;
                """);
            // Lets the search check kind and status and sort the matches without reading whole rows.
            migrationBuilder.Sql("""CREATE INDEX "IX_Clients_Search_Covering" ON "Clients" ("Id", "Kind", "Status", "SortKey");""");
        }

        private static void DropClientSearch(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Clients_Search_Covering";""");
            migrationBuilder.Sql("""DROP TRIGGER "Clients_SearchUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "Clients_SearchDelete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Clients_SearchInsert";""");
            foreach (var (table, _) in SearchIndexes) migrationBuilder.Sql($"""DROP TABLE "{table}";""");
        }

        // A contentless FTS5 table forgets a row only when told its old values.
        private static string Add(string table, int kind) =>
            $"""    INSERT INTO "{table}"(rowid, "SearchText") SELECT new."Id", new."SearchText" WHERE new."Kind" = {kind};{"\n"}""";

        private static string Remove(string table, int kind) =>
            $"""    INSERT INTO "{table}"("{table}", rowid, "SearchText") SELECT 'delete', old."Id", old."SearchText" WHERE old."Kind" = {kind};{"\n"}""";
    }
}
