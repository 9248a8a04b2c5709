using System.Globalization;
using System.Text;
using RichContact.Engine.Activity;
using RichContact.Engine.Crisp.Rest;
using RichContact.Web.Localization;

namespace RichContact.Web.Export;

/// <summary>
/// The activity log as CSV (RFC 4180: comma separated, CRLF, quoted where needed). Only what the log
/// holds — ids, channel, outcome, reason, timings — plus the website's name and domain: nothing
/// personal. Times are UTC (ISO 8601), for spreadsheets and scripts alike.
/// </summary>
public static class ActivityCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "entry_id", "recorded_at", "website_id", "website_name", "website_domain", "session_id", "people_id",
        "channel", "outcome", "reason_code", "reason", "first_message_at", "elapsed_ms", "crisp_calls",
    ];

    /// <summary>Rows between flushes: the download starts at once and memory stays flat however long the log.</summary>
    private const int FlushEvery = 200;

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<ActivityEntry> entries, Func<string, WebsiteName> nameOf, CancellationToken ct = default)
    {
        await writer.WriteAsync(Row(Columns));
        var rows = 0;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            await writer.WriteAsync(Row(Fields(entry, nameOf(entry.WebsiteId))));
            if (++rows % FlushEvery == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    private static IEnumerable<string?> Fields(ActivityEntry entry, WebsiteName website) =>
    [
        entry.Id.ToString(CultureInfo.InvariantCulture),
        Time(entry.At),
        entry.WebsiteId,
        website.Name,
        website.Domain,
        entry.SessionId,
        entry.PeopleId,
        entry.Channel,
        entry.Outcome.Code(),
        entry.Reason,
        entry.Reason is { } code ? ReasonSentences.For(code, entry.Outcome) : null,
        entry.FirstMessageAt is { } first ? Time(first) : null,
        entry.ElapsedMs?.ToString(CultureInfo.InvariantCulture),
        entry.RestCalls.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Row(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    /// <summary>One field, quoted when it holds a comma, a quote or a line break (quotes doubled).</summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        // A website's name is typed by whoever owns the workspace; a spreadsheet would run a cell
        // starting with one of these as a formula (CSV injection), so it is kept as text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            return value;
        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"")).Append('"').ToString();
    }
}
