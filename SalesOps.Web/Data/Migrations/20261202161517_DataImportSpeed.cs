using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <summary>
    /// /insights' open deals by expected close from a covering index; and the search index's rename trigger fires only
    /// when a deal's name or account really changes. An import's upsert sets every column, so before this each deal a
    /// re-import updated (a new stage, a new amount) also rewrote its full-text row.
    /// </summary>
    public partial class DataImportSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_StageId_ExpectedClose_TeamId_OwnerRepId_Probability_Amount",
                table: "Deals",
                columns: new[] { "StageId", "ExpectedClose", "TeamId", "OwnerRepId", "Probability", "Amount" });

            migrationBuilder.Sql(RenameTrigger("WHEN old.Name IS NOT new.Name OR old.AccountId IS NOT new.AccountId"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_StageId_ExpectedClose_TeamId_OwnerRepId_Probability_Amount",
                table: "Deals");

            migrationBuilder.Sql(RenameTrigger(""));
        }

        private static string RenameTrigger(string when) => $"""
            DROP TRIGGER IF EXISTS DealSearch_DealRenamed;
            CREATE TRIGGER DealSearch_DealRenamed AFTER UPDATE OF Name, AccountId ON Deals {when} BEGIN
                DELETE FROM DealSearch WHERE rowid = old.Id;
                INSERT INTO DealSearch(rowid, name, account)
                VALUES (new.Id, new.Name, (SELECT Name FROM Accounts WHERE Id = new.AccountId));
            END;
            """;
    }
}
