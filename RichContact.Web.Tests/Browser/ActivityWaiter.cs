using System.Collections.Concurrent;
using RichContact.Engine.Activity;

namespace RichContact.Web.Tests.Browser;

/// <summary>Waits for the engine to record the outcome of given conversations (subscribe before starting them).</summary>
public sealed class ActivityWaiter : IDisposable
{
    private readonly ActivityStream _stream;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ActivityEntry>> _bySession = new();

    public ActivityWaiter(ActivityStream stream)
    {
        _stream = stream;
        _stream.Recorded += OnRecorded;
    }

    public Task<ActivityEntry> ForSessionAsync(string sessionId) =>
        Completion(sessionId).Task.WaitAsync(TimeSpan.FromSeconds(20));

    private TaskCompletionSource<ActivityEntry> Completion(string sessionId) =>
        _bySession.GetOrAdd(sessionId, _ => new TaskCompletionSource<ActivityEntry>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void OnRecorded(ActivityEntry entry) => Completion(entry.SessionId).TrySetResult(entry);

    public void Dispose() => _stream.Recorded -= OnRecorded;
}
