using Hangfire;

namespace RichContact.Engine.Contacts;

/// <summary>The mends' schedule: each mend is a <see cref="MendPlaceholderJob"/> in Hangfire.</summary>
internal sealed class MendJobs(IBackgroundJobClient jobs) : IMendSchedule
{
    public void Enqueue(ConversationKey conversation) =>
        jobs.Enqueue<MendPlaceholderJob>(job => job.RunAsync(conversation.WebsiteId, conversation.SessionId, CancellationToken.None));

    /// <summary>Some time in the first ten minutes of the new budget, so that the waiting mends do not all start at once.</summary>
    public void RunWhenBudgetResumes(ConversationKey conversation, DateTimeOffset resumesAt) =>
        jobs.Schedule<MendPlaceholderJob>(job => job.RunAsync(conversation.WebsiteId, conversation.SessionId, CancellationToken.None),
            resumesAt.AddSeconds(Random.Shared.Next(1, 600)));
}
