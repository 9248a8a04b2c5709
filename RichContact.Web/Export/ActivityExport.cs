using System.Text;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Web.Export;

/// <summary>
/// <c>GET /activity/export.csv?website=&amp;channel=&amp;outcome=</c>: the activity the feed's
/// filters keep, every page of it, as a CSV download behind the admin login.
/// </summary>
public static class ActivityExport
{
    public const string Path = "/activity/export.csv";

    /// <summary>Names are looked up before the first row, waiting at most this long for Crisp; then rows stream.</summary>
    private static readonly TimeSpan NameWait = TimeSpan.FromSeconds(2);

    /// <summary>The query string for <paramref name="filter"/> ("" without filters).</summary>
    public static string Query(ActivityFilter filter)
    {
        var parts = new List<string>();
        if (filter.WebsiteId is { } website) parts.Add("website=" + Uri.EscapeDataString(website));
        if (filter.Channel is { } channel) parts.Add("channel=" + Uri.EscapeDataString(channel));
        if (filter.Outcome is { } outcome) parts.Add("outcome=" + outcome.Code());
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public static void MapActivityExport(this IEndpointRouteBuilder endpoints) =>
        // Logged out: the cookie scheme's challenge sends the browser to the login page.
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task<IResult> ExportAsync(string? website, string? channel, string? outcome,
        ActivityQueries queries, WebsiteNames names, TimeProvider clock, CancellationToken ct)
    {
        ActivityOutcome? parsed = null;
        if (!string.IsNullOrEmpty(outcome))
        {
            // Codes only (would_create): Enum.TryParse also takes "3" or "1,2".
            if (!OutcomeCodes.TryParse(outcome, out var known))
                return Results.Text($"Unknown outcome; one of: {string.Join(", ", OutcomeCodes.All)}.",
                    statusCode: StatusCodes.Status400BadRequest);
            parsed = known;
        }
        var filter = new ActivityFilter(NullIfEmpty(website), NullIfEmpty(channel), parsed);
        var websites = filter.WebsiteId is { } one ? [one] : await queries.WebsitesSeenAsync(ct);
        await names.GetAsync(websites, NameWait, ct);

        var fileName = $"richcontact-activity-{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.csv";
        return Results.Stream(async body =>
        {
            // With a byte order mark: spreadsheets then read names with accents as UTF-8.
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
            await ActivityCsv.WriteAsync(writer, queries.ExportAsync(filter, ct), names.Get, ct);
        }, "text/csv; charset=utf-8", fileName);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
