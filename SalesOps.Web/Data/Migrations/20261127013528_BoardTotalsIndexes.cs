using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardTotalsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_ClosedOn_OwnerRepId_TeamId_Amount",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_ClosedOn_OwnerRepId_TeamId_Amount_Probability_Channel",
                table: "Deals",
                columns: new[] { "StageId", "ClosedOn", "OwnerRepId", "TeamId", "Amount", "Probability", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_Probability_Amount_Channel",
                table: "Deals",
                columns: new[] { "StageId", "Probability", "Amount", "Channel" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_ClosedOn_OwnerRepId_TeamId_Amount_Probability_Channel",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_Probability_Amount_Channel",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_ClosedOn_OwnerRepId_TeamId_Amount",
                table: "Deals",
                columns: new[] { "StageId", "ClosedOn", "OwnerRepId", "TeamId", "Amount" });
        }
    }
}
