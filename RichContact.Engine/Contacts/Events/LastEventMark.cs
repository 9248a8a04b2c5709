using System.Globalization;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Storage;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// When the RTM socket last showed a sign of life, kept in the data directory
/// (<see cref="DataDirectory.LastEventMarkFileName"/>: timestamps, nothing else; <see cref="MarkedEvents"/>), so that a process that starts again, after a stop or a
/// kill, catches up the conversations created while it was down. The mark never passes what a
/// <see cref="LastEventMarkHold"/> holds: the first message of a conversation held because the job
/// storage refused it, an RTM event received but not handled yet, the start of a catch-up not
/// finished. A process that stops meanwhile forgets those, and the next one must catch them up too.
/// A single process's (<see cref="ILastEventMark"/>): the previous process's mark is taken over once, at start.
/// </summary>
internal sealed class LastEventMark(NodeState state, IEnumerable<LastEventMarkHold> holds, ILogger<LastEventMark> logger) : ILastEventMark
{
    private int _takenOver;

    public TakenOverMarks? TakeOver(bool everyOtherListener) =>
        Interlocked.Exchange(ref _takenOver, 1) == 0 && ReadRecord() is { } record ? TakenOverMarks.Of([record]) : null;

    /// <summary>One process never loses its term: nothing to do.</summary>
    public void StoppedListening() { }

    public DateTimeOffset? Read() => ReadRecord()?.Mark;

    private MarkedEvents? ReadRecord()
    {
        try
        {
            return MarkedEvents.Parse(state.Read(DataDirectory.LastEventMarkFileName));
        }
        catch (IOException error)
        {
            logger.LogWarning("Could not read {File} ({ErrorType}): no catch-up of the time the process was down", DataDirectory.LastEventMarkFileName, error.GetType().Name);
            return null;
        }
    }

    public void Write(DateTimeOffset at)
    {
        try
        {
            state.Write(DataDirectory.LastEventMarkFileName, Record(holds, at).Format(t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {File} ({ErrorType})", DataDirectory.LastEventMarkFileName, error.GetType().Name);
        }
    }

    /// <summary>
    /// What is kept for <paramref name="at"/>: the mark held by every hold, and the gaps whose bounds are
    /// kept with it, with the time to resume from besides them.
    /// </summary>
    internal static MarkedEvents Record(IEnumerable<LastEventMarkHold> holds, DateTimeOffset at)
    {
        var all = holds.ToList();
        var resumeFrom = at;
        foreach (var hold in all)
        {
            if ((hold.HeldAtBesidesKept ?? hold.HeldAt)() is { } held && held < resumeFrom)
                resumeFrom = held;
        }
        var gaps = all.SelectMany(h => h.Kept?.Invoke() ?? []).ToList();
        return new MarkedEvents(Held(all, at), resumeFrom, gaps);
    }

    /// <summary><paramref name="at"/>, or the earliest time a hold keeps the mark at.</summary>
    internal static DateTimeOffset Held(IEnumerable<LastEventMarkHold> holds, DateTimeOffset at)
    {
        foreach (var hold in holds)
        {
            if (hold.HeldAt() is { } held && held < at)
                at = held;
        }
        return at;
    }
}
