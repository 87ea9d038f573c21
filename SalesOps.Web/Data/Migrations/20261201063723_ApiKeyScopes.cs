using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesOps.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReadOnly",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TeamIds",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadOnly",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "TeamIds",
                table: "ApiKeys");
        }
    }
}
