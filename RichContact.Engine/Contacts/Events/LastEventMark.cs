using System.Globalization;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Storage;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// When the RTM socket last showed a sign of life, kept in the data directory
/// (<see cref="DataDirectory.LastEventMark"/>: a timestamp, nothing else), so that a process that starts again, after a stop or a
/// kill, catches up the conversations created while it was down. The mark never passes what a
/// <see cref="LastEventMarkHold"/> holds: the first message of a conversation held because the job
/// storage refused it, an RTM event received but not handled yet, the start of a catch-up not
/// finished. A process that stops meanwhile forgets those, and the next one must catch them up too.
/// A single process's (<see cref="ILastEventMark"/>): the previous process's mark is taken over once, at start.
/// </summary>
public sealed class LastEventMark(NodeState state, IEnumerable<LastEventMarkHold> holds, ILogger<LastEventMark> logger) : ILastEventMark
{
    public const string FileName = "rtm-last-event.txt";

    private int _takenOver;

    public DateTimeOffset? TakeOver(bool everyOtherListener) =>
        Interlocked.Exchange(ref _takenOver, 1) == 0 ? Read() : null;

    public DateTimeOffset? Read()
    {
        try
        {
            return state.Read(FileName) is { } text && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        }
        catch (IOException error)
        {
            logger.LogWarning("Could not read {File} ({ErrorType}): no catch-up of the time the process was down", DataDirectory.LastEventMarkFileName, error.GetType().Name);
            return null;
        }
    }

    public void Write(DateTimeOffset at)
    {
        at = Held(holds, at);
        try
        {
            state.Write(FileName, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {File} ({ErrorType})", DataDirectory.LastEventMarkFileName, error.GetType().Name);
        }
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
