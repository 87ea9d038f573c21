using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DataImport : Migration
    {

        // Deals.AccountId becomes nullable (exports have deals without accounts): SQLite rebuilds the Deals table for
        // that, which drops its search triggers and trips over the Accounts trigger that names Deals. So the search
        // triggers come off first and go back on in the next migration (EF rebuilds tables after a migration's other operations).
        internal const string DropSearchTriggers = """
            DROP TRIGGER IF EXISTS DealSearch_AccountRenamed;
            DROP TRIGGER IF EXISTS DealSearch_DealDeleted;
            DROP TRIGGER IF EXISTS DealSearch_DealRenamed;
            DROP TRIGGER IF EXISTS DealSearch_DealInserted;
            """;

        internal const string CreateSearchTriggers = """
            CREATE TRIGGER DealSearch_DealInserted AFTER INSERT ON Deals BEGIN
                INSERT INTO DealSearch(rowid, name, account)
                VALUES (new.Id, new.Name, (SELECT Name FROM Accounts WHERE Id = new.AccountId));
            END;

            CREATE TRIGGER DealSearch_DealRenamed AFTER UPDATE OF Name, AccountId ON Deals BEGIN
                DELETE FROM DealSearch WHERE rowid = old.Id;
                INSERT INTO DealSearch(rowid, name, account)
                VALUES (new.Id, new.Name, (SELECT Name FROM Accounts WHERE Id = new.AccountId));
            END;

            CREATE TRIGGER DealSearch_DealDeleted AFTER DELETE ON Deals BEGIN
                DELETE FROM DealSearch WHERE rowid = old.Id;
            END;

            CREATE TRIGGER DealSearch_AccountRenamed AFTER UPDATE OF Name ON Accounts BEGIN
                UPDATE DealSearch SET account = new.Name WHERE rowid IN (SELECT Id FROM Deals WHERE AccountId = new.Id);
            END;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropSearchTriggers);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Teams",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Reps",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Products",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "AccountId",
                table: "Deals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Accounts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SourceAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceAliases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Teams_ExternalId",
                table: "Teams",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reps_ExternalId",
                table: "Reps",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_ExternalId",
                table: "Products",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_ExternalId",
                table: "Accounts",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SourceAliases_Kind_Key",
                table: "SourceAliases",
                columns: new[] { "Kind", "Key" },
                unique: true);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropSearchTriggers);

            migrationBuilder.DropTable(
                name: "SourceAliases");

            migrationBuilder.DropIndex(
                name: "IX_Teams_ExternalId",
                table: "Teams");

            migrationBuilder.DropIndex(
                name: "IX_Reps_ExternalId",
                table: "Reps");

            migrationBuilder.DropIndex(
                name: "IX_Products_ExternalId",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Accounts_ExternalId",
                table: "Accounts");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Reps");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Accounts");

            migrationBuilder.AlterColumn<int>(
                name: "AccountId",
                table: "Deals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

        }
    }
}
