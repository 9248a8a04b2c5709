using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;
using RichContact.Web.Export;

namespace RichContact.Web.Tests.Export;

public sealed class ActivityCsvTests
{
    [Theory]
    [InlineData("Demo Shop", "Demo Shop")]
    [InlineData("Shop, Lisbon", "\"Shop, Lisbon\"")]
    [InlineData("Café \"Chez Nous\"", "\"Café \"\"Chez Nous\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+351", "'+351")]
    [InlineData("@home", "'@home")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_field_is_quoted_and_escaped_as_rfc_4180_says_and_never_read_as_a_formula(string? value, string written)
    {
        Assert.Equal(written, ActivityCsv.Field(value));
    }

    [Fact]
    public async Task Rows_carry_ids_the_website_name_outcome_reason_and_timings_after_a_header()
    {
        var at = new DateTimeOffset(2026, 11, 30, 8, 20, 7, 123, TimeSpan.Zero);
        var entry = new ActivityEntry
        {
            Id = 42, At = at, WebsiteId = "w-1", SessionId = "session_1", Channel = "telegram",
            Outcome = ActivityOutcome.Skipped, Reason = ReasonCodes.ChannelNotMonitored,
            FirstMessageAt = at.AddMilliseconds(-1500), ElapsedMs = 1500, RestCalls = 0,
        };
        using var writer = new StringWriter();

        await ActivityCsv.WriteAsync(writer, Entries(entry), id => new WebsiteName(id, "Shop, Lisbon", "shop.example.pt"));

        Assert.Equal(
            "entry_id,recorded_at,website_id,website_name,website_domain,session_id,people_id,channel,outcome,reason_code,reason,first_message_at,elapsed_ms,crisp_calls\r\n" +
            "42,2026-11-30T08:20:07.123Z,w-1,\"Shop, Lisbon\",shop.example.pt,session_1,,telegram,skipped,channel_not_monitored,the channel is not monitored on this website,2026-11-30T08:20:05.623Z,1500,0\r\n",
            writer.ToString());
    }

    [Fact]
    public async Task A_website_crisp_did_not_name_has_empty_name_and_domain()
    {
        using var writer = new StringWriter();

        await ActivityCsv.WriteAsync(writer, Entries(new ActivityEntry { WebsiteId = "w-2", SessionId = "s", Outcome = ActivityOutcome.Created, RestCalls = 2 }), id => new WebsiteName(id));

        Assert.Contains(",w-2,,,s,", writer.ToString());
    }

    private static async IAsyncEnumerable<ActivityEntry> Entries(params ActivityEntry[] entries)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
