using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TerritoriesFigureIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Accounts_TerritoryId",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_AccountId_Probability_Amount",
                table: "Deals",
                columns: new[] { "StageId", "AccountId", "Probability", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_ClosedOn_AccountId_Amount",
                table: "Deals",
                columns: new[] { "StageId", "ClosedOn", "AccountId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TerritoryId_OwnerRepId_PotentialScore",
                table: "Accounts",
                columns: new[] { "TerritoryId", "OwnerRepId", "PotentialScore" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_AccountId_Probability_Amount",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_ClosedOn_AccountId_Amount",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_TerritoryId_OwnerRepId_PotentialScore",
                table: "Accounts");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_TerritoryId",
                table: "Accounts",
                column: "TerritoryId");
        }
    }
}
