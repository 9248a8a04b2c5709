using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RichContact.Engine.Contacts;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Events;

public sealed class LastEventMarkTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Mark_stays_at_the_oldest_held_conversation_until_the_job_storage_accepts_it()
    {
        var jobs = new RefusingJobClient { Refuse = true };
        var options = Options.Create(new CollectionWindowOptions());
        var scheduler = new ContactJobScheduler(jobs, new StorageStatus(TimeProvider.System), options, Options.Create(new ContactJobOptions()), TimeProvider.System,
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), NullLogger<ContactJobScheduler>.Instance);
        var mark = new LastEventMark(NodeState.InDataDirectory(new DataDirectory(_data.Path)), [new LastEventMarkHold("held conversations", () => scheduler.EarliestHeldAt)], NullLogger<LastEventMark>.Instance);
        var firstMessageAt = DateTimeOffset.UtcNow.AddSeconds(-20);

        Assert.True(scheduler.TrySchedule(new ConversationKey("website", "session_held"), new TrackedConversation("whatsapp", firstMessageAt), out var jobId));
        Assert.Null(jobId); // held
        mark.Write(firstMessageAt.AddSeconds(15));
        Assert.Equal(firstMessageAt, mark.Read());

        jobs.Refuse = false;
        await Eventually.TrueAsync(() => scheduler.HeldCount == 0, "the held conversation to be scheduled");
        var later = firstMessageAt.AddSeconds(16);
        mark.Write(later);
        Assert.Equal(later, mark.Read());
        Assert.Equal(1, jobs.Created);
    }

    /// <summary>Hangfire's client over a storage that refuses writes while <see cref="Refuse"/> is set.</summary>
    private sealed class RefusingJobClient : IBackgroundJobClient
    {
        private int _created;

        public volatile bool Refuse;

        public int Created => _created;

        public string Create(Hangfire.Common.Job job, IState state)
        {
            if (Refuse)
                throw new BackgroundJobClientException("storage refused", new IOException("disk full"));
            return Interlocked.Increment(ref _created).ToString();
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
