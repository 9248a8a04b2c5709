using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
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
                type: "INTEGER",
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
