using Hangfire;
using Microsoft.Extensions.Options;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Testing;

namespace RichContact.Engine.Tests.EndToEnd;

/// <summary>
/// At the window's end the engine runs the contact job itself and deletes its Hangfire job, which
/// was the durable record of the waiting conversation; Hangfire runs a job only when that did not happen.
/// </summary>
public class WindowEndRunTests : EngineEndToEndTest
{
    [Fact]
    public async Task Contact_is_made_in_process_at_the_window_end_and_the_hangfire_job_is_deleted_unrun()
    {
        var jobs = Engine.Get<JobStorage>().GetMonitoringApi();

        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 201");
        var outcome = await Activity.OutcomeAsync(session);

        Assert.Equal(ActivityOutcome.Created, outcome.Outcome);
        await Eventually.TrueAsync(() => jobs.DeletedListCount() == 1, "the Hangfire job to be deleted");
        var deleted = Assert.Single(jobs.DeletedJobs(0, 10)).Key;
        Assert.DoesNotContain(jobs.JobDetails(deleted).History, state => state.StateName is "Enqueued" or "Processing");
        Assert.Equal(0, jobs.SucceededListCount());
        Assert.Equal(0, jobs.ScheduledCount());
    }

    [Fact]
    public async Task The_hangfire_job_is_due_after_the_window_with_room_for_the_run_in_process()
    {
        var jobs = Engine.Get<JobStorage>().GetMonitoringApi();

        var session = await StartConversationAsync("whatsapp", phone: "+351 912 000 202");

        await Eventually.TrueAsync(() => jobs.ScheduledCount() == 1, "the job to be scheduled");
        var (_, scheduled) = Assert.Single(jobs.ScheduledJobs(0, 10));
        var firstMessage = Engine.Get<HeardConversations>().Get(new ConversationKey(WebsiteId, session))!.FirstMessageAt;
        Assert.True(scheduled.EnqueueAt >= (firstMessage + TimeSpan.FromSeconds(CollectionWindowSeconds) + Engine.Get<IOptions<ContactJobOptions>>().Value.Fallback).UtcDateTime,
            $"due at {scheduled.EnqueueAt:O}, first message at {firstMessage:O}");
        await Activity.OutcomeAsync(session);
    }
}
