using System.Collections.Concurrent;
using RichContact.Engine.Activity;

namespace RichContact.Bench;

/// <summary>
/// Listens to the engine's live activity stream and keeps each conversation's outcome. With several
/// nodes it listens to every node's stream; each stream shows every node's entries, so an entry is
/// counted once, by its id, whichever stream raises it first.
/// </summary>
public sealed class OutcomeCollector : IDisposable
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    private readonly List<(ActivityStream Stream, Action<ActivityEntry> Handler)> _streams = [];
    private readonly ConcurrentDictionary<long, byte> _seenIds = new();
    private readonly int[] _firstRaisedBy;
    private readonly ConcurrentDictionary<string, ActivityEntry> _entries = new(StringComparer.Ordinal);
    private int _repeats;
    private int _mends;
    private int _recorded;
    private long _restCalls;

    public OutcomeCollector(IEnumerable<ActivityStream> streams)
    {
        foreach (var stream in streams)
        {
            var index = _streams.Count;
            Action<ActivityEntry> handler = entry => OnRecorded(entry, index);
            stream.Recorded += handler;
            _streams.Add((stream, handler));
        }
        _firstRaisedBy = new int[_streams.Count];
    }

    /// <summary>
    /// Entries by the stream (node) that raised them first: a node raises its own entries at once and
    /// the others' after their NOTIFY, so this is, nearly always, how the outcomes split over the nodes.
    /// </summary>
    public IReadOnlyList<int> FirstRaisedBy => [.. Enumerable.Range(0, _firstRaisedBy.Length).Select(i => Volatile.Read(ref _firstRaisedBy[i]))];

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

    private void OnRecorded(ActivityEntry entry, int stream)
    {
        // Another node's stream raised this entry already (an id is only 0 if never stored: count it).
        if (entry.Id != 0 && !_seenIds.TryAdd(entry.Id, 0))
            return;
        Interlocked.Increment(ref _firstRaisedBy[stream]);
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

    public void Dispose()
    {
        foreach (var (stream, handler) in _streams)
            stream.Recorded -= handler;
    }
}
