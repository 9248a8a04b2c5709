using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>
/// A past phone-less conversation nobody heard, backfilled while Crisp does not show the plugin token
/// the conversation's messages (sandbox <c>ConversationMessages: not-found</c>, 404 <c>not_found</c>):
/// a refusal, not a removed conversation, so the contact is made on the conversation's placeholder.
/// </summary>
public sealed class PhonelessBackfillUnderRefusedMessagesTests : BackfillTest
{
    private const string MessagesRoute = "/v1/website/{website_id}/conversation/{session_id}/messages";

    // The messages carry a stable id, so a contact named after the session proves the refusal was met.
    protected override SandboxOptions? SandboxSettings => new()
    {
        PhonelessIdentity = PhonelessIdentityReadings.StableUserId,
        ConversationMessages = ConversationMessagesReadings.NotFound,
    };

    [Fact]
    public async Task Backfilled_phoneless_conversation_whose_messages_crisp_refuses_gets_one_contact_on_its_session_placeholder()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        var session = await Sandbox.Control.StartConversationAsync(new StartConversationRequest
        {
            WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Past", ChannelUserId = "17841400999",
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
        });
        await Sandbox.Control.ResetRequestsAsync();

        var preview = await PreviewAsync();
        Assert.True(await Runs.StartAsync(preview.Run.Id));
        var done = await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        Assert.Equal((1, 0, 0, null), (done.Created, done.Failed, done.Skipped, done.LastError));
        Assert.Equal(ActivityOutcome.Created, Assert.Single(await EntriesAsync(session)).Outcome);
        Assert.Equal($"session-{session["session_".Length..]}@instagram.nomail", Email(Assert.Single(await ProfilesAsync())));
        Assert.Equal(1, (await Sandbox.Control.RequestsAsync()).Count("GET", MessagesRoute));

        // A second run over the same range, and the conversation's job run again: nothing more.
        var again = await PreviewAsync();
        Assert.True(await Runs.StartAsync(again.Run.Id));
        var second = await UntilStatusAsync(again.Run.Id, BackfillStatus.Done);
        await Engine.Get<CreateContactJob>().RunAsync(WebsiteId, session, null, CancellationToken.None);

        Assert.Equal((0, 1), (second.Created, second.HadOutcome));
        Assert.Single(await EntriesAsync(session));
        Assert.Single(await ProfilesAsync());
    }
}
