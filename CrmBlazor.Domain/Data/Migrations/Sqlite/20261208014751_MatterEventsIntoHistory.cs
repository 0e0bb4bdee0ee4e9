using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBlazor.Domain.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "MatterId",
                table: "History",
                type: "INTEGER",
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "MatterEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MatterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true)
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
