using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
