using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PlaceholderMend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_activity_outcome",
                table: "activity");

            // Websites saved before the setting existed get its default: on.
            migrationBuilder.AddColumn<bool>(
                name: "MendPlaceholders",
                table: "website_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "Placeholder",
                table: "activity",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" IN ('Created', 'Existing', 'Skipped')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_activity_outcome",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "MendPlaceholders",
                table: "website_settings");

            migrationBuilder.DropColumn(
                name: "Placeholder",
                table: "activity");

            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" <> 'Failed'");
        }
    }
}
