using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Storage;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// RTM events the engine received but has not handled yet (RELIABILITY.md, issue 11.4 and 11.5). The dispatcher is
/// held up for real: hangfire.db's write lock is taken, so scheduling the first conversation's job waits
/// on SQLite's busy timeout while the events behind it wait in the queue.
/// </summary>
public class EventBacklogTests : EngineEndToEndTest
{
    // The sandbox pings often and the listener writes the mark twice a second, so a mark that follows
    // the socket's sign of life would move past the backlog within the test's wait.
    protected override SandboxOptions? SandboxSettings => new() { PingIntervalMs = 250, PingTimeoutMs = 2_000 };

    protected override IDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["RichContact:Rtm:WatchdogSeconds"] = "2",
        ["RichContact:Rtm:EventQueueCapacity"] = "3",
    };

    [Fact]
    public async Task Last_event_mark_stays_at_the_oldest_event_not_yet_handled()
    {
        var mark = Engine.Get<ILastEventMark>();
        string first, queued;
        DateTimeOffset sentAt;
        await using (await JobStorageLock.AcquireAsync(Data.Path))
        {
            sentAt = DateTimeOffset.UtcNow;
            first = await StartConversationAsync("whatsapp", phone: "+351912345601"); // the dispatcher now waits on hangfire.db
            queued = await StartConversationAsync("telegram", phone: "+351912345602"); // behind it in the queue
            // A mark written well after both events arrived: the socket shows signs of life all along.
            var markFile = Path.Combine(Data.Path, DataDirectory.LastEventMarkFileName);
            await Eventually.TrueAsync(() => File.Exists(markFile) && File.GetLastWriteTimeUtc(markFile) > (sentAt + TimeSpan.FromSeconds(2)).UtcDateTime,
                "the listener to write the mark while the events wait");

            // A process killed now would catch up from the mark: it must not have passed the unhandled events.
            Assert.True(mark.Read() <= sentAt + TimeSpan.FromSeconds(1), $"the mark {mark.Read():O} passed events not handled since {sentAt:O}");
        }
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(first)).Outcome);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(queued)).Outcome);
    }

    [Fact]
    public async Task Conversation_whose_only_message_was_dropped_from_a_full_queue_gets_its_contact()
    {
        var queue = Engine.Get<CrispEventQueue>();
        string first, dropped;
        await using (await JobStorageLock.AcquireAsync(Data.Path))
        {
            first = await StartConversationAsync("whatsapp", phone: "+351912345601");
            await Eventually.TrueAsync(() => queue.Reader.Count == 0, "the dispatcher to take the first conversation's message");
            // Phone, name and origin fill the queue of 3: its only visitor message is dropped.
            dropped = await StartConversationAsync("telegram", phone: "+351912345602", nickname: "Dropped");
            await Eventually.TrueAsync(() => Logs.Lines.Any(l => l.Contains("dropped a message:send event")), "the message to be dropped");
        }

        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(first)).Outcome);
        Assert.Equal(ActivityOutcome.Created, (await Activity.OutcomeAsync(dropped)).Outcome);
        Assert.Equal(2, (await ProfilesAsync()).Count);
    }
}
