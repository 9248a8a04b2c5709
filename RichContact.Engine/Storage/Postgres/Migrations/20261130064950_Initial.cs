using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RichContact.Engine.Storage.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    WebsiteId = table.Column<string>(type: "text", nullable: false),
                    SessionId = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    PeopleId = table.Column<string>(type: "text", nullable: true),
                    FirstMessageAt = table.Column<long>(type: "bigint", nullable: true),
                    ElapsedMs = table.Column<long>(type: "bigint", nullable: true),
                    RestCalls = table.Column<int>(type: "integer", nullable: false),
                    BackfillRunId = table.Column<long>(type: "bigint", nullable: true),
                    Placeholder = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "backfill_run",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WebsiteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    From = table.Column<long>(type: "bigint", nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Chain = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NextPage = table.Column<int>(type: "integer", nullable: false),
                    Listed = table.Column<bool>(type: "boolean", nullable: false),
                    Conversations = table.Column<int>(type: "integer", nullable: false),
                    NotChannel = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Created = table.Column<int>(type: "integer", nullable: false),
                    Existing = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    WouldCreate = table.Column<int>(type: "integer", nullable: false),
                    HadOutcome = table.Column<int>(type: "integer", nullable: false),
                    CrispCalls = table.Column<int>(type: "integer", nullable: false),
                    PreviewCalls = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    ResumesAt = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backfill_run", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "website_settings",
                columns: table => new
                {
                    WebsiteId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    AllChannels = table.Column<bool>(type: "boolean", nullable: false),
                    Channels = table.Column<string[]>(type: "text[]", nullable: false),
                    Segments = table.Column<string[]>(type: "text[]", nullable: false),
                    SkipIfEmailExists = table.Column<bool>(type: "boolean", nullable: false),
                    EnrichGeolocation = table.Column<bool>(type: "boolean", nullable: false),
                    MendPlaceholders = table.Column<bool>(type: "boolean", nullable: false),
                    PreviewOnly = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_website_settings", x => x.WebsiteId);
                });

            migrationBuilder.CreateTable(
                name: "backfill_conversation",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    SessionId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backfill_conversation", x => new { x.RunId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_backfill_conversation_backfill_run_RunId",
                        column: x => x.RunId,
                        principalTable: "backfill_run",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_At",
                table: "activity",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_activity_WebsiteId_At",
                table: "activity",
                columns: new[] { "WebsiteId", "At" });

            migrationBuilder.CreateIndex(
                name: "UX_activity_outcome",
                table: "activity",
                columns: new[] { "WebsiteId", "SessionId" },
                unique: true,
                filter: "\"Outcome\" IN ('Created', 'Existing', 'Skipped', 'WouldCreate')");

            migrationBuilder.CreateIndex(
                name: "IX_backfill_conversation_RunId_Position",
                table: "backfill_conversation",
                columns: new[] { "RunId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_backfill_run_WebsiteId_CreatedAt",
                table: "backfill_run",
                columns: new[] { "WebsiteId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "UX_backfill_run_active",
                table: "backfill_run",
                column: "WebsiteId",
                unique: true,
                filter: "\"Status\" IN ('Previewed', 'Running', 'Paused', 'WaitingForBudget')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "backfill_conversation");

            migrationBuilder.DropTable(
                name: "website_settings");

            migrationBuilder.DropTable(
                name: "backfill_run");
        }
    }
}
