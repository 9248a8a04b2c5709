using System.Collections.Concurrent;
using RichContact.Engine.Activity;

namespace RichContact.Testing;

/// <summary>
/// Collects the live activity stream so tests wait for outcomes instead of sleeping (subscribe before
/// starting the conversations); disposing it stops listening.
/// </summary>
public sealed class ActivityRecorder : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly ActivityStream _stream;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ActivityEntry>> _first = new();
    private readonly ConcurrentQueue<ActivityEntry> _all = new();

    public ActivityRecorder(ActivityStream stream)
    {
        _stream = stream;
        _stream.Recorded += Record;
    }

    public IReadOnlyCollection<ActivityEntry> All => _all;

    public IReadOnlyList<ActivityEntry> For(string sessionId) => _all.Where(e => e.SessionId == sessionId).ToList();

    /// <summary>The first outcome recorded for the session (already recorded or still to come).</summary>
    public Task<ActivityEntry> OutcomeAsync(string sessionId, TimeSpan? timeout = null) =>
        Completion(sessionId).Task.WaitAsync(timeout ?? DefaultTimeout);

    private void Record(ActivityEntry entry)
    {
        _all.Enqueue(entry);
        Completion(entry.SessionId).TrySetResult(entry);
    }

    private TaskCompletionSource<ActivityEntry> Completion(string sessionId) =>
        _first.GetOrAdd(sessionId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Dispose() => _stream.Recorded -= Record;
}
