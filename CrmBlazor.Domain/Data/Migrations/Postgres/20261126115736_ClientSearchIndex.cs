using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Domain.Data.Migrations.Postgres
{
    /// <summary>
    /// The list search on PostgreSQL: a pg_trgm GIN index lets "SearchText LIKE '%abc%'" use an index
    /// (pg_trgm ships with PostgreSQL's contrib package). Not part of the EF model.
    /// </summary>
    public partial class ClientSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Clients_SearchText_Trgm" ON "Clients" USING gin ("SearchText" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Clients_SearchText_Trgm";""");
        }
    }
}
