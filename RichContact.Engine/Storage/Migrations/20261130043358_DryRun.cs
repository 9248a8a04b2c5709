using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DryRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_activity_outcome",
                table: "activity");

            // Websites saved before the setting existed get its default: off, they keep creating.
            migrationBuilder.AddColumn<bool>(
                name: "PreviewOnly",
                table: "website_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A preview's would-create is the conversation's outcome: no second one, previewed or real.
            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" IN ('Created', 'Existing', 'Skipped', 'WouldCreate')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_activity_outcome",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "PreviewOnly",
                table: "website_settings");

            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" IN ('Created', 'Existing', 'Skipped')");
        }
    }
}
