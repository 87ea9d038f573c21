using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <summary>
    /// A full-text index of deal and account names (SQLite FTS5), kept in step by triggers, so searching a board
    /// of a million deals looks words up instead of scanning every name.
    /// </summary>
    public partial class DealSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE DealSearch USING fts5(name, account, tokenize = 'unicode61 remove_diacritics 2');

                INSERT INTO DealSearch(rowid, name, account)
                SELECT d.Id, d.Name, a.Name FROM Deals AS d JOIN Accounts AS a ON a.Id = d.AccountId;

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
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS DealSearch_AccountRenamed;
                DROP TRIGGER IF EXISTS DealSearch_DealDeleted;
                DROP TRIGGER IF EXISTS DealSearch_DealRenamed;
                DROP TRIGGER IF EXISTS DealSearch_DealInserted;
                DROP TABLE IF EXISTS DealSearch;
                """);
        }
    }
}
