using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Reliability;

/// <summary>
/// The loss paths of a long job-storage outage and of a node that stops listening: a conversation the
/// full holder cannot keep is caught up from its first message, and a gap left by a node that lost RTM
/// is not kept, stale, by that node.
/// </summary>
public sealed class HeldOverflowTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private EngineHost _engine = null!;

    public async Task InitializeAsync() =>
        // No plugin token: nothing listens, so only what the test asks for is pending.
        _engine = await EngineHost.StartAsync(_data.Path, new Dictionary<string, string?> { ["RichContact:ContactJobs:HeldCapacity"] = "1" },
            services => services.Replace(ServiceDescriptor.Singleton<IBackgroundJobClient>(new RefusingJobClient())));

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public void A_conversation_the_full_holder_cannot_keep_asks_for_a_catch_up_from_its_first_message()
    {
        var scheduler = _engine.Get<ContactJobScheduler>();
        var catchUp = _engine.Get<OutageCatchUp>();
        var firstHeld = DateTimeOffset.UtcNow.AddSeconds(-20);
        var overflowed = DateTimeOffset.UtcNow.AddSeconds(-10);

        Assert.True(scheduler.TrySchedule(new ConversationKey("website", "session_held"), new TrackedConversation("whatsapp", firstHeld), out _));
        Assert.Null(catchUp.HoldsMarkAt);
        Assert.False(scheduler.TrySchedule(new ConversationKey("website", "session_over"), new TrackedConversation("whatsapp", overflowed), out _));

        Assert.Equal(overflowed, catchUp.HoldsMarkAt);
        // And the mark holds at the earliest of both, so a restart meanwhile lists them too.
        var mark = _engine.Get<ILastEventMark>();
        mark.Write(DateTimeOffset.UtcNow);
        Assert.Equal(firstHeld.UtcTicks, mark.Read()?.UtcTicks);
    }

    [Fact]
    public void A_node_that_stops_listening_drops_its_pending_gap()
    {
        var catchUp = _engine.Get<OutageCatchUp>();
        catchUp.Request(DateTimeOffset.UtcNow.AddMinutes(-2));
        Assert.NotNull(catchUp.HoldsMarkAt);

        _engine.Get<IListeningGaps>().StoppedListening();

        Assert.Null(catchUp.HoldsMarkAt);
    }

    /// <summary>Hangfire's client over a storage that refuses every write (a disk that stays full).</summary>
    private sealed class RefusingJobClient : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new BackgroundJobClientException("storage refused", new IOException("disk full"));

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
