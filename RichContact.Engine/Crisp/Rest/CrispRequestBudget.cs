using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Crisp gives a plugin a daily request quota (5,000 by default, docs/crisp.md); retrying does
/// not help against it. This counts every request sent today (UTC) and, once the configured budget
/// is spent, refuses further calls until the next UTC day, with one warning. The portal shows
/// <see cref="Used"/> / <see cref="Limit"/>. With a state file the count survives restarts
/// (saved every <see cref="SaveEvery"/> requests and at shutdown; a crash loses at most that many).
/// On PostgreSQL the count is shared by all nodes (<see cref="SharedRequestCount"/>): each request is
/// taken from the day's row at once, and <see cref="Used"/> is what this node last saw of it.
/// </summary>
public sealed class CrispRequestBudget : IDisposable
{
    internal const int SaveEvery = 10;

    private readonly IOptionsMonitor<RichContactOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<CrispRequestBudget> logger;
    private readonly string? _stateFile;
    private readonly SharedRequestCount? _shared;
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;
    private bool _warned;
    private long _sharedReadAtTicks;
    private int _sharedReading;

    /// <summary>How stale the shared count may be when the portal reads <see cref="Used"/>: other nodes spend too.</summary>
    internal static readonly TimeSpan SharedReadInterval = TimeSpan.FromSeconds(2);

    /// <param name="stateFile">Where today's count is kept (a day and a number, nothing else); null keeps it in memory only.</param>
    /// <param name="shared">The count all nodes share on PostgreSQL; then <paramref name="stateFile"/> is not used.</param>
    public CrispRequestBudget(IOptionsMonitor<RichContactOptions> options, TimeProvider clock, ILogger<CrispRequestBudget> logger, string? stateFile = null,
        SharedRequestCount? shared = null)
    {
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        _shared = shared;
        _stateFile = shared is null ? stateFile : null;
        Load();
    }

    public event Action? Changed;

    public int Limit => options.CurrentValue.Crisp.DailyRequestBudget;

    /// <summary>Requests sent to Crisp today (UTC).</summary>
    public int Used
    {
        get
        {
            ReadSharedIfStale();
            lock (_gate) { Roll(); return _used; }
        }
    }

    public bool IsExhausted => Used >= Limit;

    /// <summary>When today's budget ends: the next UTC midnight.</summary>
    public DateTimeOffset ResetsAt => new(Today().AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Takes one request from today's budget, or throws <see cref="CrispBudgetExhaustedException"/>.</summary>
    public void Spend()
    {
        if (_shared is not null)
        {
            // Synchronous callers are the SQLite path's; the HTTP handler takes the asynchronous way.
            SpendAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            return;
        }
        bool refused, firstRefusal;
        lock (_gate)
        {
            Roll();
            refused = _used >= Limit;
            if (!refused)
                _used++;
            if (!refused && (_used % SaveEvery == 0 || _used == Limit))
                Save();
            firstRefusal = refused && !_warned;
            _warned |= refused;
        }
        Settle(refused, firstRefusal);
    }

    /// <summary>
    /// <see cref="Spend"/>, and on PostgreSQL one atomic statement on the day's shared row. A database
    /// that fails throws its own exception (a contact job is then held, as for any database failure).
    /// </summary>
    public async ValueTask SpendAsync(CancellationToken ct)
    {
        if (_shared is null)
        {
            Spend();
            return;
        }
        var day = Today();
        var used = await _shared.TryTakeAsync(day, Limit, ct);
        bool firstRefusal;
        lock (_gate)
        {
            Roll();
            if (day == _day)
                _used = used ?? Math.Max(_used, Limit);
            firstRefusal = used is null && !_warned;
            _warned |= used is null;
        }
        Settle(used is null, firstRefusal);
    }

    private void Settle(bool refused, bool firstRefusal)
    {
        if (!refused)
        {
            Changed?.Invoke();
            return;
        }
        if (firstRefusal)
        {
            // Once a day: every later refusal is the same news.
            Changed?.Invoke();
            logger.LogWarning("The daily Crisp request budget of {Limit} is spent; no Crisp call is made until {ResumesAt:u}. Raise RichContact:Crisp:DailyRequestBudget only if the plugin's quota in the Crisp Marketplace was raised.", Limit, ResetsAt);
        }
        throw new CrispBudgetExhaustedException(ResetsAt);
    }

    /// <summary>
    /// Completes when a request may be sent again: at once, or when the next UTC day starts. It only
    /// waits on the clock: asking Crisp whether the quota is back would itself be quota.
    /// </summary>
    public async Task WhenAvailableAsync(CancellationToken ct)
    {
        while (IsExhausted)
        {
            var wait = ResetsAt - clock.GetUtcNow();
            await Task.Delay(wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    /// <summary>
    /// Completes when at least <paramref name="requests"/> of today's budget are left (at most the whole
    /// budget): at once, or when the next UTC day starts. On this budget's clock, like <see cref="WhenAvailableAsync"/>.
    /// </summary>
    public async Task WhenLeftAsync(int requests, CancellationToken ct)
    {
        while (Limit - Used < Math.Min(requests, Limit))
        {
            var wait = ResetsAt - clock.GetUtcNow();
            await Task.Delay(wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    public void Dispose()
    {
        lock (_gate) Save();
    }

    /// <summary>
    /// The portal reads <see cref="Used"/> synchronously: on PostgreSQL the shared count is read again in
    /// the background when this node's view is older than <see cref="SharedReadInterval"/>, and
    /// <see cref="Changed"/> tells when it moved.
    /// </summary>
    private void ReadSharedIfStale()
    {
        if (_shared is null || clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _sharedReadAtTicks) < SharedReadInterval.Ticks
            || Interlocked.Exchange(ref _sharedReading, 1) == 1)
            return;
        _ = ReadSharedAsync(_shared);
    }

    private async Task ReadSharedAsync(SharedRequestCount shared)
    {
        try
        {
            var day = Today();
            var used = await shared.ReadAsync(day, CancellationToken.None);
            bool changed;
            lock (_gate)
            {
                Roll();
                changed = day == _day && used != _used;
                if (changed)
                    _used = used;
            }
            if (changed)
                Changed?.Invoke();
        }
        catch (Exception error)
        {
            // The portal shows the last count this node saw; the next read tries again.
            logger.LogDebug("Could not read the shared request count ({ErrorType})", error.GetType().Name);
        }
        finally
        {
            Interlocked.Exchange(ref _sharedReadAtTicks, clock.GetUtcNow().UtcTicks);
            Volatile.Write(ref _sharedReading, 0);
        }
    }

    private sealed record State(DateOnly Day, int Used);

    private void Load()
    {
        if (_stateFile is null || !File.Exists(_stateFile))
            return;
        try
        {
            var state = System.Text.Json.JsonSerializer.Deserialize<State>(File.ReadAllText(_stateFile));
            if (state is not null && state.Day == Today())
                (_day, _used) = (state.Day, Math.Max(0, state.Used));
        }
        catch (Exception error) when (error is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not read the request budget state ({ErrorType}); today's count starts at 0", error.GetType().Name);
        }
    }

    /// <summary>Called under the lock.</summary>
    private void Save()
    {
        if (_stateFile is null)
            return;
        try
        {
            Roll();
            DataFile.AtomicWriteAllText(_stateFile, System.Text.Json.JsonSerializer.Serialize(new State(_day, _used)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not save the request budget state ({ErrorType})", error.GetType().Name);
        }
    }

    private void Roll()
    {
        var today = Today();
        if (today == _day)
            return;
        _day = today;
        _used = 0;
        _warned = false;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
