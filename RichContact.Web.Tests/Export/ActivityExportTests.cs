using System.Net;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Testing;
using RichContact.Web.Tests.Browser;
using RichContact.Web.Tests.Security;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Export;

/// <summary>The CSV export over HTTP, from the real app with its sandbox: what a logged-in operator downloads.</summary>
public sealed class ActivityExportTests : AppOverHttp
{
    private async Task<string> LogInAsync() => SessionCookie(await PostLoginAsync(RichContactApp.AdminPassword))!;

    private async Task<(HttpResponseMessage Response, string Text)> ExportAsync(string session, string query = "")
    {
        var response = await LoginForm.GetWithSessionAsync(Http, "/activity/export.csv" + query, session);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_export_holds_every_entry_the_filters_keep_with_website_names_escaped_and_nothing_personal()
    {
        // A website whose name a spreadsheet would split at its comma and quotes.
        var named = await App.Sandbox.Control.SubscribeWebsiteAsync(new() { Name = "Café \"Chez Nous\", Lisbon", Domain = "chez-nous.example.pt" });
        var log = App.Get<ActivityLog>();
        for (var i = 0; i < 3; i++)
        {
            var skipped = Entry(website: named.WebsiteId, channel: "telegram", outcome: ActivityOutcome.Skipped, session: $"session_skipped_{i}");
            skipped.Reason = ReasonCodes.ChannelNotMonitored;
            await log.RecordAsync(skipped);
        }
        // A real conversation, through the engine, carrying a phone and a name.
        var shop = App.Sandbox.Options.Websites[0].Id;
        await App.WaitForCrispAsync();
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var session = await App.Sandbox.Control.StartConversationAsync(new() { WebsiteId = shop, Origin = "whatsapp", Phone = "+351 912 345 678", Nickname = "Maria Souza", Country = "PT" });
        var created = await waiter.OutcomeAsync(session);
        var login = await LogInAsync();

        var (response, text) = await ExportAsync(login);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^richcontact-activity-\d{8}-\d{6}\.csv$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains("\"Café \"\"Chez Nous\"\", Lisbon\"", text);
        var rows = Csv.Records(text.TrimStart('\uFEFF'));
        Assert.Equal(4, rows.Count);
        Assert.All(rows.Where(r => r["website_id"] == named.WebsiteId), row =>
        {
            Assert.Equal("Café \"Chez Nous\", Lisbon", row["website_name"]);
            Assert.Equal("chez-nous.example.pt", row["website_domain"]);
            Assert.Equal(("skipped", "channel_not_monitored", "the channel is not monitored on this website"), (row["outcome"], row["reason_code"], row["reason"]));
        });
        var real = rows.Single(r => r["session_id"] == session);
        Assert.Equal(("Demo Shop", "shop.example.com", created.Outcome.ToString().ToLowerInvariant(), created.PeopleId), (real["website_name"], real["website_domain"], real["outcome"], real["people_id"]));
        Assert.Equal(created.RestCalls.ToString(), real["crisp_calls"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", real["recorded_at"]);
        // The log holds ids only, and so does its export.
        Assert.DoesNotContain("912345678", text);
        Assert.DoesNotContain("Maria", text);
        Assert.DoesNotContain("Souza", text);

        var (_, filtered) = await ExportAsync(login, $"?website={Uri.EscapeDataString(named.WebsiteId)}&outcome=skipped");
        Assert.Equal(["session_skipped_2", "session_skipped_1", "session_skipped_0"], Csv.Records(filtered.TrimStart('\uFEFF')).Select(r => r["session_id"]));
        var (_, createdOnly) = await ExportAsync(login, "?outcome=" + created.Outcome.ToString().ToLowerInvariant());
        Assert.Equal([session], Csv.Records(createdOnly.TrimStart('\uFEFF')).Select(r => r["session_id"]));
    }

    [Fact]
    public async Task A_preview_entry_is_exported_and_filtered_as_would_create()
    {
        var log = App.Get<ActivityLog>();
        await log.RecordAsync(Entry(outcome: ActivityOutcome.WouldCreate, session: "session_previewed", restCalls: 1));
        await log.RecordAsync(Entry(outcome: ActivityOutcome.Created, session: "session_created"));
        var login = await LogInAsync();

        var (_, all) = await ExportAsync(login);
        var (response, previewed) = await ExportAsync(login, "?outcome=would_create");

        Assert.Contains(Csv.Records(all.TrimStart('\uFEFF')), r => (r["session_id"], r["outcome"], r["people_id"]) == ("session_previewed", "would_create", ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(Csv.Records(previewed.TrimStart('\uFEFF')));
        Assert.Equal(("session_previewed", "would_create", "1"), (row["session_id"], row["outcome"], row["crisp_calls"]));
    }

    [Theory]
    [InlineData("?outcome=wouldcreate")]
    [InlineData("?outcome=3")]
    [InlineData("?outcome=created,skipped")]
    [InlineData("?outcome=unknown")]
    public async Task An_outcome_that_is_not_one_by_name_is_refused(string query)
    {
        var (response, text) = await ExportAsync(await LogInAsync(), query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("created, existing, skipped, failed, mend, would_create", text);
    }
}
