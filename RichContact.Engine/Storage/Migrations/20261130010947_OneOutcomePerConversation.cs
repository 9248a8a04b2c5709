using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OneOutcomePerConversation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Databases written before this index may hold a conversation's outcome twice (a skip
            // recorded again after a restart): keep the first, or the unique index cannot be made.
            migrationBuilder.Sql("""
                DELETE FROM "activity"
                WHERE "Outcome" <> 'Failed'
                  AND "Id" NOT IN (SELECT MIN("Id") FROM "activity" WHERE "Outcome" <> 'Failed' GROUP BY "WebsiteId", "SessionId");
                """);
            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" <> 'Failed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_activity_outcome",
                table: "activity");
        }
    }
}
