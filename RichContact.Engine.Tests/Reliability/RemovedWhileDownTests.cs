using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>A conversation deleted while the engine was stopped, its job waiting in Hangfire.</summary>
public class RemovedWhileDownTests : EngineEndToEndTest
{
    // Long enough for the engine to be stopped before the job is due.
    protected override double CollectionWindowSeconds => 4;

    [Fact]
    public async Task Conversation_deleted_while_the_engine_was_down_is_skipped_after_restart()
    {
        var session = await StartConversationAsync("whatsapp", phone: "+351912345678");
        // The job itself, not only the tracker's memory: the tracker marks a conversation seen before it schedules the job.
        await WaitForScheduledJobsAsync(1);
        await StopEngineAsync();

        await Sandbox.Control.RemoveConversationAsync(session);
        await StartEngineAsync();

        // The window's memory is gone and the meta answers 404: nothing to make a contact for.
        var outcome = await Activity.OutcomeAsync(session);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.ConversationRemoved), (outcome.Outcome, outcome.Reason));
        Assert.Empty(await ProfilesAsync());
    }

    private static Task WaitForScheduledJobsAsync(long count) =>
        Eventually.TrueAsync(() => Hangfire.JobStorage.Current.GetMonitoringApi().ScheduledCount() >= count, "the contact job to be scheduled");
}
