using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Crisp gives a plugin a daily request quota (5,000 by default, docs/crisp.md); retrying does
/// not help against it. This counts every request sent today (UTC) and, once the configured budget
/// is spent, refuses further calls until the next UTC day, with one warning. The portal shows
/// <see cref="Used"/> / <see cref="Limit"/>. The count itself is <see cref="IRequestCount"/>'s: this
/// process's (kept in a state file so that it survives restarts), or with several nodes one count all
/// nodes take from, each request at once; <see cref="Used"/> is what this node last saw of it.
/// </summary>
public sealed class CrispRequestBudget : IDisposable
{
    internal const int SaveEvery = FileRequestCount.SaveEvery;

    private readonly IOptionsMonitor<CrispOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger<CrispRequestBudget> logger;
    private readonly IRequestCount _count;
    private readonly FileRequestCount? _owned;
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;
    private bool _warned;
    private long _readAtTicks;
    private int _reading;

    /// <summary>How stale the count may be when the portal reads <see cref="Used"/>: other nodes spend too.</summary>
    internal static readonly TimeSpan SharedReadInterval = TimeSpan.FromSeconds(2);

    /// <summary>A single process's budget, alone (tests, tools).</summary>
    /// <param name="stateFile">Where today's count is kept (a day and a number, nothing else); null keeps it in memory only.</param>
    public CrispRequestBudget(IOptionsMonitor<CrispOptions> options, TimeProvider clock, ILogger<CrispRequestBudget> logger, string? stateFile = null)
        : this(options, clock, logger, new FileRequestCount(stateFile, logger))
    {
        _owned = (FileRequestCount)_count;
    }

    public CrispRequestBudget(IOptionsMonitor<CrispOptions> options, TimeProvider clock, ILogger<CrispRequestBudget> logger, IRequestCount count)
    {
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        _count = count;
    }

    public event Action? Changed;

    public int Limit => options.CurrentValue.DailyRequestBudget;

    /// <summary>Requests sent to Crisp today (UTC).</summary>
    public int Used
    {
        get
        {
            ReadIfStale();
            lock (_gate) { Roll(); return _used; }
        }
    }

    public bool IsExhausted => Used >= Limit;

    /// <summary>When today's budget ends: the next UTC midnight.</summary>
    public DateTimeOffset ResetsAt => new(Today().AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Takes one request from today's budget, or throws <see cref="CrispBudgetExhaustedException"/>.</summary>
    public void Spend()
    {
        var day = Today();
        // This process's count answers at once; a shared one is the HTTP handler's, which takes the asynchronous way.
        var taking = _count.TryTakeAsync(day, Limit, CancellationToken.None);
        Settle(day, taking.IsCompletedSuccessfully ? taking.Result : taking.AsTask().GetAwaiter().GetResult());
    }

    /// <summary>
    /// <see cref="Spend"/>, asynchronously: on PostgreSQL one atomic statement on the day's shared row. A
    /// database that fails throws its own exception (a contact job is then held, as for any database failure).
    /// </summary>
    public async ValueTask SpendAsync(CancellationToken ct)
    {
        var day = Today();
        Settle(day, await _count.TryTakeAsync(day, Limit, ct));
    }

    private void Settle(DateOnly day, int? used)
    {
        bool firstRefusal;
        lock (_gate)
        {
            Roll();
            if (day == _day)
                _used = used ?? Math.Max(_used, Limit);
            firstRefusal = used is null && !_warned;
            _warned |= used is null;
        }
        if (used is not null)
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

    public void Dispose() => _owned?.Dispose();

    /// <summary>
    /// The portal reads <see cref="Used"/> synchronously: the count is read again when this node's view
    /// is older than <see cref="SharedReadInterval"/> (at once for this process's count; in the background
    /// for a shared one), and <see cref="Changed"/> tells when it moved.
    /// </summary>
    private void ReadIfStale()
    {
        if (clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _readAtTicks) < SharedReadInterval.Ticks
            || Interlocked.Exchange(ref _reading, 1) == 1)
            return;
        _ = ReadAsync();
    }

    private async Task ReadAsync()
    {
        try
        {
            var day = Today();
            var used = await _count.ReadAsync(day, CancellationToken.None);
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
            logger.LogDebug("Could not read the request count ({ErrorType})", error.GetType().Name);
        }
        finally
        {
            Interlocked.Exchange(ref _readAtTicks, clock.GetUtcNow().UtcTicks);
            Volatile.Write(ref _reading, 0);
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
