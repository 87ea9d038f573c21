using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Incentives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "EndsOn",
                table: "Spif",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "StartsOn",
                table: "Spif",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Contests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepIds",
                table: "Contests",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CapAmount",
                table: "CompPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CapIncludesSpifs",
                table: "CompPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "CompPlans",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Marginal");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CompPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CompPlanAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompPlanAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompPlanAssignments_CompPlans_CompPlanId",
                        column: x => x.CompPlanId,
                        principalTable: "CompPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompPlanAssignments_Reps_RepId",
                        column: x => x.RepId,
                        principalTable: "Reps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CompPlanAssignments_CompPlanId",
                table: "CompPlanAssignments",
                column: "CompPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CompPlanAssignments_RepId_CompPlanId",
                table: "CompPlanAssignments",
                columns: new[] { "RepId", "CompPlanId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompPlanAssignments");

            migrationBuilder.DropColumn(
                name: "EndsOn",
                table: "Spif");

            migrationBuilder.DropColumn(
                name: "StartsOn",
                table: "Spif");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "RepIds",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "CapAmount",
                table: "CompPlans");

            migrationBuilder.DropColumn(
                name: "CapIncludesSpifs",
                table: "CompPlans");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "CompPlans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CompPlans");
        }
    }
}
