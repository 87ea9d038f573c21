using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <summary>Puts the deal-search triggers back on the Deals table that <see cref="DataImport"/> rebuilt.</summary>
    public partial class DataImportSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DataImport.CreateSearchTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DataImport.DropSearchTriggers);
        }
    }
}
