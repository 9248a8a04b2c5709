using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddPhonelessContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PhonelessContacts",
                table: "website_settings",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PhonelessContacts",
                table: "website_settings");
        }
    }
}
