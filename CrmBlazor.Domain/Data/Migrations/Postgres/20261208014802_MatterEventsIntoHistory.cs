using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmBlazor.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MatterEventsIntoHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatterEvents");

            migrationBuilder.AlterColumn<long>(
                name: "ClientId",
                table: "History",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<long>(
                name: "MatterId",
                table: "History",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_History_MatterId_Id",
                table: "History",
                columns: new[] { "MatterId", "Id" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_History_OneTimeline",
                table: "History",
                sql: "(\"ClientId\" IS NULL) <> (\"MatterId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_History_Matters_MatterId",
                table: "History",
                column: "MatterId",
                principalTable: "Matters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_History_Matters_MatterId",
                table: "History");

            migrationBuilder.DropIndex(
                name: "IX_History_MatterId_Id",
                table: "History");

            migrationBuilder.DropCheckConstraint(
                name: "CK_History_OneTimeline",
                table: "History");

            migrationBuilder.DropColumn(
                name: "MatterId",
                table: "History");

            migrationBuilder.AlterColumn<long>(
                name: "ClientId",
                table: "History",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "MatterEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    MatterId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatterEvents_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatterEvents_MatterId_Id",
                table: "MatterEvents",
                columns: new[] { "MatterId", "Id" });
        }
    }
}
