using System.Text;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// Channel conversations with a name but neither a phone nor an email (Instagram, Messenger), under each
/// reading of what Crisp puts in the <c>user.user_id</c> of the visitor's messages (docs/crisp.md).
/// </summary>
public abstract class PhonelessConversationsTests : EngineEndToEndTest
{
    internal const string ProfileRoute = "/v1/website/{website_id}/people/profile/{people_id}";
    private const string InstagramUser = "17841400123456789";

    /// <summary>The sandbox's reading (<see cref="PhonelessIdentityReadings"/>).</summary>
    protected abstract string Reading { get; }
    private bool Stable => Reading == PhonelessIdentityReadings.StableUserId;

    protected override SandboxOptions? SandboxSettings => new() { PhonelessIdentity = Reading };

    /// <summary>The placeholder the contact of <paramref name="sessionId"/> gets under this reading.</summary>
    private string ExpectedEmail(string sessionId, string channel = "instagram") =>
        Stable ? $"user-{InstagramUser}@{channel}.nomail" : $"session-{sessionId["session_".Length..]}@{channel}.nomail";

    [Fact]
    public async Task Phoneless_conversation_is_skipped_while_the_setting_is_off()
    {
        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task Phoneless_conversation_gets_a_placeholder_contact_with_its_name_and_channel_segment()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true, Segments = ["social"] });
        await Sandbox.Control.ResetRequestsAsync();

        var session = await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser);
        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal((ActivityOutcome.Created, true), (outcome.Outcome, outcome.Placeholder));
        var profile = Assert.Single(await ProfilesAsync());
        Assert.Equal((ExpectedEmail(session), "Ana Lima", null), (Email(profile), Nickname(profile), Phone(profile)));
        Assert.Equal(["instagram", "social"], Segments(profile));
        // The meta (a phone may have come late), a read of the placeholder, the create, the unsubscribe; no search.
        // With no user id heard, the conversation's messages are read for one first.
        Assert.Equal(Reading == PhonelessIdentityReadings.None ? 5 : 4, outcome.RestCalls);
        var requests = await Sandbox.Control.RequestsAsync();
        Assert.Equal(1, requests.Count("GET", ProfileRoute));
        Assert.False((await Sandbox.Control.PeopleExtrasAsync(WebsiteId, outcome.PeopleId!))["email_subscribed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Second_conversation_from_same_instagram_user_creates_no_contact_when_crisp_gives_a_stable_id()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });

        var first = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));
        var second = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));

        Assert.Equal(ActivityOutcome.Created, first.Outcome);
        if (Stable)
        {
            Assert.Equal((ActivityOutcome.Existing, first.PeopleId), (second.Outcome, second.PeopleId));
            Assert.Single(await ProfilesAsync());
        }
        else
        {
            // The risk the setting's help line names: without a stable id, a contact per conversation.
            Assert.Equal(ActivityOutcome.Created, second.Outcome);
            Assert.NotEqual(first.PeopleId, second.PeopleId);
            Assert.Equal(2, (await ProfilesAsync()).Count);
        }
    }

    [Fact]
    public async Task Conversation_nobody_heard_finds_the_person_by_the_user_id_in_its_messages()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        var first = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));
        await StopEngineAsync();
        var missed = await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser);
        await StartEngineAsync();

        // Caught up at start: no message heard, the conversation's messages tell what RTM would have.
        var caughtUp = await Activity.OutcomeAsync(missed);

        if (Stable)
        {
            Assert.Equal((ActivityOutcome.Existing, first.PeopleId), (caughtUp.Outcome, caughtUp.PeopleId));
            Assert.Single(await ProfilesAsync());
        }
        else
        {
            Assert.Equal(ActivityOutcome.Created, caughtUp.Outcome);
            Assert.Equal(ExpectedEmail(missed), Email((await ProfilesAsync()).Single(p => Email(p) != ExpectedEmail(first.SessionId))));
        }
    }

    [Fact]
    public async Task Different_instagram_users_get_a_contact_each()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });

        var first = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));
        var second = await Activity.OutcomeAsync(await StartConversationAsync("messenger", nickname: "Ana Lima", channelUserId: "2750001234567890"));

        Assert.Equal((ActivityOutcome.Created, ActivityOutcome.Created), (first.Outcome, second.Outcome));
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }

    [Fact]
    public async Task Phoneless_conversation_with_a_real_email_or_a_phone_is_handled_as_before()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });

        var withEmail = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Bea", email: "bea@example.com", channelUserId: "111"));
        var withPhone = await Activity.OutcomeAsync(await StartConversationAsync("messenger", phone: "+351 912 000 601", nickname: "Caio", channelUserId: "222"));

        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.EmailExists), (withEmail.Outcome, withEmail.Reason));
        Assert.Equal(ActivityOutcome.Created, withPhone.Outcome);
        Assert.Equal("351912000601@messenger.nomail", Email(Assert.Single(await ProfilesAsync())));
    }

    [Fact]
    public async Task Phoneless_contact_gets_the_real_email_the_person_gives_later()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        var session = await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(session)).Outcome);

        await Sandbox.Control.SetDetailsAsync(session, new ConversationDetailsRequest { Email = "ana.lima@example.com" });

        await Eventually.TrueAsync(() => Activity.For(session).Any(e => e.Outcome == ActivityOutcome.Mend), "the mend entry");
        Assert.Equal("ana.lima@example.com", Email(Assert.Single(await ProfilesAsync())));
    }

    [Fact]
    public async Task Preview_says_it_would_create_and_creates_nothing()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true, PreviewOnly = true });

        var outcome = await Activity.OutcomeAsync(await StartConversationAsync("instagram", nickname: "Ana Lima", channelUserId: InstagramUser));

        Assert.Equal(ActivityOutcome.WouldCreate, outcome.Outcome);
        Assert.Empty(await ProfilesAsync());
    }

    [Fact]
    public async Task No_channel_user_id_name_or_placeholder_reaches_the_data_directory_or_the_logs()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        var session = await StartConversationAsync("instagram", nickname: "Ermelinda Vasconcelos", channelUserId: InstagramUser);
        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        await StopEngineAsync(); // flush SQLite's WAL and Hangfire's state to disk

        // The session id is not personal (the activity log keeps it); the rest of the placeholder is.
        string[] secrets = [InstagramUser, "Vasconcelos", "user-" + InstagramUser];
        foreach (var file in Directory.EnumerateFiles(Data.Path, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var secret in secrets)
                Assert.False(Encoding.UTF8.GetString(bytes).Contains(secret, StringComparison.OrdinalIgnoreCase)
                    || Encoding.Unicode.GetString(bytes).Contains(secret, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} contains personal data");
        }
        Assert.NotEmpty(Logs.Lines);
        Assert.DoesNotContain(Logs.Lines, line => secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }
}
