using System.Text.Json;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IRequestCount"/> of a single process: counted in memory, and with a state file (a day and a
/// number, nothing else) saved every <see cref="SaveEvery"/> requests, at the limit and when disposed, so
/// that the count survives restarts (a crash loses at most that many). Completes synchronously.
/// </summary>
internal sealed class FileRequestCount : IRequestCount, IDisposable
{
    internal const int SaveEvery = 10;

    private readonly string? _stateFile;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly State? _loaded;
    private DateOnly _day;
    private int _used;

    private sealed record State(DateOnly Day, int Used);

    /// <param name="stateFile">Where the day's count is kept; null keeps it in memory only.</param>
    public FileRequestCount(string? stateFile, ILogger logger)
    {
        _stateFile = stateFile;
        _logger = logger;
        _loaded = Load();
    }

    public ValueTask<int?> TryTakeAsync(DateOnly day, int limit, CancellationToken ct)
    {
        lock (_gate)
        {
            Roll(day);
            if (_used >= limit)
                return ValueTask.FromResult<int?>(null);
            _used++;
            if (_used % SaveEvery == 0 || _used == limit)
                Save();
            return ValueTask.FromResult<int?>(_used);
        }
    }

    public ValueTask<int> ReadAsync(DateOnly day, CancellationToken ct)
    {
        lock (_gate)
        {
            Roll(day);
            return ValueTask.FromResult(_used);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_day != default)
                Save();
        }
    }

    /// <summary>Under the lock: a new day starts at 0, or at what the file kept of that day.</summary>
    private void Roll(DateOnly day)
    {
        if (day == _day)
            return;
        _day = day;
        _used = _loaded is { } loaded && loaded.Day == day ? Math.Max(0, loaded.Used) : 0;
    }

    private State? Load()
    {
        if (_stateFile is null || !File.Exists(_stateFile))
            return null;
        try
        {
            return JsonSerializer.Deserialize<State>(File.ReadAllText(_stateFile));
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not read the request budget state ({ErrorType}); today's count starts at 0", error.GetType().Name);
            return null;
        }
    }

    /// <summary>Under the lock.</summary>
    private void Save()
    {
        if (_stateFile is null)
            return;
        try
        {
            DataFile.AtomicWriteAllText(_stateFile, JsonSerializer.Serialize(new State(_day, _used)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not save the request budget state ({ErrorType})", error.GetType().Name);
        }
    }
}
