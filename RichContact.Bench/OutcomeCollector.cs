using System.Collections.Concurrent;
using RichContact.Engine.Activity;

namespace RichContact.Bench;

/// <summary>Listens to the engine's live activity stream and keeps each conversation's outcome.</summary>
public sealed class OutcomeCollector : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    private readonly ActivityStream _stream;
    private readonly ConcurrentDictionary<string, ActivityEntry> _entries = new(StringComparer.Ordinal);
    private int _repeats;
    private int _mends;
    private int _recorded;
    private long _restCalls;

    public OutcomeCollector(ActivityStream stream)
    {
        _stream = stream;
        _stream.Recorded += OnRecorded;
    }

    /// <summary>Outcomes by session id (session ids are unique across websites).</summary>
    public IReadOnlyDictionary<string, ActivityEntry> Entries => _entries;
    /// <summary>Second outcomes for a conversation that already had one (a failure followed by a retry included).</summary>
    public int Repeats => Volatile.Read(ref _repeats);
    public int Recorded => Volatile.Read(ref _recorded);
    /// <summary>Placeholders mended (or not, with a reason): a conversation's second entry, when its email came after its contact.</summary>
    public int Mends => Volatile.Read(ref _mends);
    /// <summary>REST calls of every outcome recorded so far (compared with the sandbox's count of the same period).</summary>
    public long RestCalls => Interlocked.Read(ref _restCalls);

    /// <summary>Waits until every listed session has an outcome or the deadline passes; returns how many are still missing.</summary>
    public async Task<int> WaitForAsync(IReadOnlyCollection<string> sessionIds, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var missing = sessionIds.Count(id => !_entries.ContainsKey(id));
            if (missing == 0 || DateTime.UtcNow >= deadline)
                return missing;
            await Task.Delay(PollEvery, ct);
        }
    }

    private void OnRecorded(ActivityEntry entry)
    {
        Interlocked.Increment(ref _recorded);
        Interlocked.Add(ref _restCalls, entry.RestCalls);
        if (entry.Outcome == ActivityOutcome.Mend)
        {
            Interlocked.Increment(ref _mends);
            return;
        }
        if (!_entries.TryAdd(entry.SessionId, entry))
        {
            Interlocked.Increment(ref _repeats);
            _entries[entry.SessionId] = entry;
        }
    }

    public void Dispose() => _stream.Recorded -= OnRecorded;
}
