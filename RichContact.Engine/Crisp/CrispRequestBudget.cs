using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Crisp;

/// <summary>
/// Crisp gives a plugin a daily request quota (5,000 by default, crisp-api.md §8); retrying does
/// not help against it. This counts every request sent today (UTC) and, once the configured budget
/// is spent, refuses further calls until the next UTC day, with one warning. The portal shows
/// <see cref="Used"/> / <see cref="Limit"/>. The count lives in memory: a restart starts it at 0.
/// </summary>
public sealed class CrispRequestBudget(IOptionsMonitor<RichContactOptions> options, TimeProvider clock, ILogger<CrispRequestBudget> logger)
{
    private readonly Lock _gate = new();
    private DateOnly _day;
    private int _used;
    private bool _warned;

    public event Action? Changed;

    public int Limit => options.CurrentValue.Crisp.DailyRequestBudget;

    /// <summary>Requests sent to Crisp today (UTC).</summary>
    public int Used { get { lock (_gate) { Roll(); return _used; } } }

    public bool IsExhausted => Used >= Limit;

    /// <summary>When today's budget ends: the next UTC midnight.</summary>
    public DateTimeOffset ResetsAt => new(Today().AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Takes one request from today's budget, or throws <see cref="CrispBudgetExhaustedException"/>.</summary>
    public void Spend()
    {
        bool refused, firstRefusal;
        lock (_gate)
        {
            Roll();
            refused = _used >= Limit;
            if (!refused)
                _used++;
            firstRefusal = refused && !_warned;
            _warned |= refused;
        }
        if (refused && !firstRefusal)
            throw new CrispBudgetExhaustedException(ResetsAt);
        Changed?.Invoke();
        if (!refused)
            return;
        logger.LogWarning("The daily Crisp request budget of {Limit} is spent; no Crisp call is made until {ResumesAt:u}. Raise RichContact:Crisp:DailyRequestBudget only if the plugin's quota in the Crisp Marketplace was raised.", Limit, ResetsAt);
        throw new CrispBudgetExhaustedException(ResetsAt);
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
