using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>
/// Past phone-less conversations nobody heard, when Crisp's messages carry the person's id on the channel:
/// the backfill reads it in each conversation's messages.
/// </summary>
public sealed class PhonelessBackfillTests : BackfillTest
{
    protected override SandboxOptions? SandboxSettings => new() { PhonelessIdentity = PhonelessIdentityReadings.StableUserId };

    [Fact]
    public async Task Backfill_gives_a_phoneless_person_with_two_past_conversations_one_contact()
    {
        await SaveSettingsAsync(s => s with { PhonelessContacts = true });
        var sessions = new List<string>();
        foreach (var daysAgo in new[] { 3.0, 2.0 })
            sessions.Add(await Sandbox.Control.StartConversationAsync(new StartConversationRequest
            {
                WebsiteId = WebsiteId, Origin = "instagram", Nickname = "Ana Past", ChannelUserId = "17841400999",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo),
            }));

        var preview = await PreviewAsync();
        Assert.True(await Runs.StartAsync(preview.Run.Id));
        await UntilStatusAsync(preview.Run.Id, BackfillStatus.Done);

        var outcomes = new List<ActivityOutcome>();
        foreach (var session in sessions)
            outcomes.Add(Assert.Single(await EntriesAsync(session)).Outcome);
        Assert.Equal([ActivityOutcome.Created, ActivityOutcome.Existing], outcomes.Order());
        Assert.Equal("user-17841400999@instagram.nomail", Email(Assert.Single(await ProfilesAsync())));
    }
}
