using System.Globalization;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// When the RTM socket last showed a sign of life, kept in the data directory
/// (<see cref="DataDirectory.LastEventMark"/>: a timestamp, nothing else), so that a process that starts again, after a stop or a
/// kill, catches up the conversations created while it was down. The mark never passes what a
/// <see cref="LastEventMarkHold"/> holds: the first message of a conversation held because the job
/// storage refused it, an RTM event received but not handled yet, the start of a catch-up not
/// finished. A process that stops meanwhile forgets those, and the next one must catch them up too.
/// </summary>
public sealed class LastEventMark(DataDirectory data, IEnumerable<LastEventMarkHold> holds, ILogger<LastEventMark> logger)
{
    private string FilePath => data.LastEventMark;

    public DateTimeOffset? Read()
    {
        try
        {
            return File.Exists(FilePath) && DateTimeOffset.TryParse(File.ReadAllText(FilePath).Trim(), CultureInfo.InvariantCulture,
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
        foreach (var hold in holds)
        {
            if (hold.HeldAt() is { } held && held < at)
                at = held;
        }
        try
        {
            DataFile.AtomicWriteAllText(FilePath, at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not write {File} ({ErrorType})", DataDirectory.LastEventMarkFileName, error.GetType().Name);
        }
    }
}
