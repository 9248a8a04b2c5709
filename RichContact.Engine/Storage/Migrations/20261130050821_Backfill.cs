using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RichContact.Engine.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Backfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BackfillRunId",
                table: "activity",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "backfill_run",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WebsiteId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Chain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NextPage = table.Column<int>(type: "INTEGER", nullable: false),
                    Listed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Conversations = table.Column<int>(type: "INTEGER", nullable: false),
                    NotChannel = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Existing = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    WouldCreate = table.Column<int>(type: "INTEGER", nullable: false),
                    HadOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    CrispCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviewCalls = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResumesAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_backfill_run", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "backfill_conversation",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
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
                name: "backfill_conversation");

            migrationBuilder.DropTable(
                name: "backfill_run");

            migrationBuilder.DropColumn(
                name: "BackfillRunId",
                table: "activity");
        }
    }
}
