using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddWorkspaceSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DefaultCountry",
                table: "website_settings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "Exclusions",
                table: "website_settings",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<bool>(
                name: "TimelineEvent",
                table: "website_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // On by default: websites saved before the setting existed get it too.
            migrationBuilder.AddColumn<bool>(
                name: "UnsubscribePlaceholders",
                table: "website_settings",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DefaultCountry",
                table: "website_settings");

            migrationBuilder.DropColumn(
                name: "Exclusions",
                table: "website_settings");

            migrationBuilder.DropColumn(
                name: "TimelineEvent",
                table: "website_settings");

            migrationBuilder.DropColumn(
                name: "UnsubscribePlaceholders",
                table: "website_settings");
        }
    }
}
