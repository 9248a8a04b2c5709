using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    WebsiteId = table.Column<string>(type: "TEXT", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    PeopleId = table.Column<string>(type: "TEXT", nullable: true),
                    FirstMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ElapsedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RestCalls = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "website_settings",
                columns: table => new
                {
                    WebsiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllChannels = table.Column<bool>(type: "INTEGER", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    Segments = table.Column<string>(type: "TEXT", nullable: false),
                    SkipIfEmailExists = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnrichGeolocation = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_website_settings", x => x.WebsiteId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_At",
                table: "activity",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_activity_WebsiteId_At",
                table: "activity",
                columns: new[] { "WebsiteId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "website_settings");
        }
    }
}
