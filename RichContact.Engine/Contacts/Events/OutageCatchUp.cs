using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Events sent while the engine was deaf are lost — RTM down, the process stopped, or events dropped
/// from a full <see cref="CrispEventQueue"/> — and a conversation whose only message came then would never
/// get its contact. Each such stretch is <see cref="Request"/>ed from its start; once RTM is connected,
/// this refreshes the website list (installs missed meanwhile: <c>plugin/connect/websites/since</c>, or
/// the full list on the first connect of the process) and lists each website's conversations created
/// since, page by page, feeding them to the engine as first visitor messages (the tracker ignores the
/// ones it already saw). A stretch is done only when every website was listed: a catch-up cut short by
/// the daily budget waits for the next UTC day, one cut by an error is tried again after a while, and
/// until then the last-event mark stays at its start (<see cref="HoldsMarkAt"/>), so a restart retries it
/// too, with the bounds it was first tried with (<see cref="KeptGaps"/>, kept with the mark). Where a limit still cuts (<see cref="CatchUpOptions.MaxGapMinutes"/>, a website Crisp keeps
/// refusing, <see cref="MaxPagesPerWebsite"/>), it is logged and shown on the portal (<see cref="CatchUpStatus"/>).
/// [guess]: <c>filter_date_start</c> filters on the conversation's creation date (docs/crisp.md).
/// </summary>
public sealed class OutageCatchUp : BackgroundService
{
    /// <summary>Pages of 50 listed per website at most (10,000 conversations): a guard against a filter Crisp would ignore.</summary>
    internal const int MaxPagesPerWebsite = 200;

    private readonly CrispClient _crisp;
    private readonly SubscribedWebsites _websites;
    private readonly CrispEventQueue _queue;
    private readonly CatchUpOptions _options;
    private readonly CrispRequestBudget _budget;
    private readonly CrispConnectionStatus _connection;
    private readonly CatchUpStatus _status;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutageCatchUp> _logger;
    private readonly CatchUpPlanner _planner;

    // One waiting wake-up at most: it covers every request made meanwhile.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private Gap? _pending;
    private Gap? _running;
    // Gaps tried once (their ends fixed) and not finished: each caught up with its own bounds, kept with the mark.
    private ImmutableList<Gap> _kept = [];
    private bool _waitingForBudget;
    private bool _websitesLoaded;

    /// <summary>
    /// A stretch of time whose events may be lost: from <see cref="Since"/> (the last sign of life before
    /// it) to <see cref="Until"/> (fixed when it is first listed: RTM hears everything after). What a
    /// failed attempt already did is kept, so a retry does not spend that quota again.
    /// </summary>
    private sealed record Gap(DateTimeOffset Since, DateTimeOffset? Until, bool WebsitesRefreshed, ImmutableHashSet<string> Done)
    {
        public static Gap From(DateTimeOffset since) => new(since, null, false, []);

        /// <summary>Two stretches to catch up as one: from the earlier start, listed afresh up to the next attempt.</summary>
        public static Gap? Merge(Gap? a, Gap? b) =>
            a is null ? b : b is null ? a : From(a.Since < b.Since ? a.Since : b.Since);

        /// <summary>
        /// Gaps not started yet listed as one where together they span no more than <paramref name="maxGap"/>
        /// (one list call per website, not one per gap); never longer, which would cut the earlier one.
        /// </summary>
        public static ImmutableList<Gap> Coalesce(ImmutableList<Gap> gaps, TimeSpan maxGap)
        {
            var result = ImmutableList.CreateBuilder<Gap>();
            foreach (var gap in gaps.OrderBy(g => g.Since))
            {
                if (result.Count > 0 && result[^1] is { Done.IsEmpty: true, WebsitesRefreshed: false } last && gap is { Done.IsEmpty: true, WebsitesRefreshed: false }
                    && (gap.Until > last.Until ? gap.Until : last.Until) is { } until && until - last.Since <= maxGap)
                    result[^1] = last with { Until = until };
                else
                    result.Add(gap);
            }
            return result.ToImmutable();
        }
    }

    public OutageCatchUp(CrispClient crisp, SubscribedWebsites websites, CrispEventQueue queue, IOptions<CatchUpOptions> options,
        CrispRequestBudget budget, CrispConnectionStatus connection, CatchUpStatus status,
        TimeProvider clock, ILogger<OutageCatchUp> logger, ContactJobScheduler? scheduler = null,
        CatchUpPlanner? planner = null)
    {
        (_crisp, _websites, _queue, _options, _budget, _connection, _status, _clock, _logger) =
            (crisp, websites, queue, options.Value, budget, connection, status, clock, logger);
        _planner = planner ?? new CatchUpPlanner(new WebsiteTraffic(clock), budget, status, options, clock);
        // A dropped event may have been a conversation's only visitor message; so may a conversation the
        // scheduler could not hold (more than it holds while the job storage fails).
        queue.Dropped += Request;
        if (scheduler is not null)
            scheduler.Overflowed += Request;
    }

    /// <summary>The start of the earliest stretch not caught up yet; null when there is none.</summary>
    public DateTimeOffset? HoldsMarkAt
    {
        get
        {
            lock (_gate)
                return Earliest(_kept.Append(_running).Append(_pending).Select(g => g?.Since));
        }
    }

    /// <summary>The start of the earliest stretch whose end is not fixed yet (only the mark keeps it); null when there is none.</summary>
    public DateTimeOffset? HoldsMarkAtBesidesKept
    {
        get { lock (_gate) return _pending?.Since; }
    }

    /// <summary>The gaps tried and not finished yet, with their own bounds: kept with the mark, so that a restart resumes each as it was.</summary>
    public IReadOnlyList<CatchUpGap> KeptGaps
    {
        get
        {
            lock (_gate)
                return _kept.Append(_running).OfType<Gap>().Where(g => g.Until is not null).Select(g => new CatchUpGap(g.Since, g.Until!.Value)).ToList();
        }
    }

    /// <summary>Gaps a previous process (or a listener gone) kept: each is caught up with its own bounds.</summary>
    public void Resume(IEnumerable<CatchUpGap> gaps)
    {
        lock (_gate) _kept = _kept.AddRange(gaps.Select(g => new Gap(g.Since, g.Until, false, [])));
        _wake.Writer.TryWrite(true);
    }

    private static DateTimeOffset? Earliest(IEnumerable<DateTimeOffset?> times) => times.OfType<DateTimeOffset>().Select(t => (DateTimeOffset?)t).Min();

    /// <summary>Events since <paramref name="since"/> may have been missed: catch them up (now if RTM is connected, else at its next connect).</summary>
    public void Request(DateTimeOffset since)
    {
        lock (_gate)
        {
            // Connected and waiting for the budget: the stretch ends now (what comes next is heard), kept with its own bounds.
            if (_waitingForBudget && _connection.State == CrispConnectionState.Connected)
                _kept = _kept.Add(new Gap(since, _clock.GetUtcNow(), false, []));
            else
                _pending = Gap.Merge(_pending, Gap.From(since));
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// This node stopped listening (it lost RTM): what it had not caught up yet is the next listener's,
    /// which takes this node's mark over, held at the earliest gap. Kept, it would be listed again, stale,
    /// whenever this node listens again. An attempt running now stops at its next website and, failing,
    /// keeps nothing.
    /// </summary>
    public void Abandon()
    {
        lock (_gate) (_pending, _kept, _running) = (null, [], null);
    }

    /// <summary>RTM is connected and authenticated: what is pending can be caught up.</summary>
    public void Connected() => _wake.Writer.TryWrite(true);

    private bool HasWork
    {
        get { lock (_gate) return _pending is not null || !_kept.IsEmpty || !_websitesLoaded && !_websites.IsLoaded; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
        {
            // Only while connected: what RTM cannot hear yet would have to be listed again anyway.
            while (HasWork && _connection.State == CrispConnectionState.Connected)
            {
                try
                {
                    await RunPendingAsync(stoppingToken);
                    failures = 0;
                    _status.SetWaiting(null);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (CrispBudgetExhaustedException spent)
                {
                    _logger.LogWarning("Catch-up of the conversations since {Since:O} waits for the daily Crisp budget, back at {ResumesAt:u}", HoldsMarkAt, spent.ResumesAt);
                    _status.SetWaiting($"Catch-up of the conversations since {HoldsMarkAt:u} waits for the daily Crisp budget, back at {spent.ResumesAt:u}.");
                    await WaitForBudgetAsync(stoppingToken);
                }
                catch (Exception error)
                {
                    failures++;
                    var delay = _options.RetryDelayFor(failures);
                    // The type and status only: messages can quote what they choked on.
                    var why = error is CrispApiException crisp ? $"{error.GetType().Name} {(int)crisp.Status}" : error.GetType().Name;
                    _logger.LogWarning("Catch-up of the conversations since {Since:O} failed ({Error}); trying again in {Delay:0} s", HoldsMarkAt, why, delay.TotalSeconds);
                    _status.SetWaiting($"Catch-up of the conversations since {HoldsMarkAt:u} failed ({why}); trying again at {_clock.GetUtcNow() + delay:u}.");
                    await Task.Delay(delay, _clock, stoppingToken);
                }
            }
        }
    }

    /// <summary>
    /// Waits for the next day's budget; a stretch requested meanwhile (a reconnect, a drop) has its end
    /// fixed when it is requested, as an attempt would, so that the wait does not stretch it.
    /// </summary>
    private async Task WaitForBudgetAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _waitingForBudget = true;
            if (_pending is { } pending && _connection.State == CrispConnectionState.Connected)
                (_kept, _pending) = (_kept.Add(pending with { Until = _clock.GetUtcNow() }), null);
        }
        try
        {
            await _budget.WhenAvailableAsync(ct);
        }
        finally
        {
            lock (_gate) _waitingForBudget = false;
        }
    }

    /// <summary>One attempt at what is pending; throws when it is not finished (it stays pending).</summary>
    internal async Task RunPendingAsync(CancellationToken ct)
    {
        // After a drop the queue is full: list once it takes events again, and up to then.
        await _queue.WaitForRoomAsync(ct);
        bool loaded;
        lock (_gate)
        {
            // Connected: RTM hears what comes next, so what is pending ends now, and is tried after the gaps already tried.
            if (_pending is { } pending)
                (_kept, _pending) = (_kept.Add(pending.Until is null ? pending with { Until = _clock.GetUtcNow() } : pending), null);
            _kept = Gap.Coalesce(_kept, _options.MaxGap);
            (_running, _kept) = _kept.IsEmpty ? (null, _kept) : (_kept[0], _kept.RemoveAt(0));
            loaded = _websitesLoaded || _websites.IsLoaded;
        }
        try
        {
            if (!loaded)
            {
                await _websites.ReloadAsync(ct);
                lock (_gate)
                {
                    _websitesLoaded = true;
                    _running = _running is null ? null : _running with { WebsitesRefreshed = true };
                }
                _logger.LogInformation("{Count} websites have the plugin installed", _websites.All.Count);
            }
            if (Running() is { WebsitesRefreshed: false } stale)
                await RefreshWebsitesAsync(stale.Since - _options.Margin, ct);
            if (Running() is not null)
                await CatchUpConversationsAsync(ct);
            lock (_gate) _running = null;
        }
        catch
        {
            lock (_gate)
            {
                // Its end stays fixed: merged with a later stretch, the maximum gap would be counted from the wrong end.
                if (_running is not null)
                    _kept = _kept.Insert(0, _running);
                _running = null;
            }
            throw;
        }
    }

    private Gap? Running()
    {
        lock (_gate) return _running;
    }

    /// <summary>Installs and removals missed while deaf, in one call (the full list may be older than the connect).</summary>
    private async Task RefreshWebsitesAsync(DateTimeOffset since, CancellationToken ct)
    {
        var changes = await _crisp.ListSubscribedWebsitesSinceAsync(since, ct);
        if (changes.Count > 0)
        {
            _websites.Apply(changes);
            _logger.LogInformation("{Count} website installs or removals since {Since:O} caught up", changes.Count, since);
        }
        lock (_gate) _running = _running is null ? null : _running with { WebsitesRefreshed = true };
    }

    private async Task CatchUpConversationsAsync(CancellationToken ct)
    {
        var gap = Running()!;
        var until = gap.Until!.Value;
        var since = gap.Since - _options.Margin;
        var earliest = until - _options.MaxGap;
        if (since < earliest)
        {
            _logger.LogWarning("Events were missed since {Since:O}, longer than RichContact:CatchUp:MaxGapMinutes: conversations created before {Earliest:O} are not caught up and may have no contact",
                gap.Since, earliest);
            _status.Cut($"Conversations created between {gap.Since:u} and {earliest:u} were not caught up (longer than RichContact:CatchUp:MaxGapMinutes).", _clock.GetUtcNow());
            since = earliest;
        }
        var found = 0;
        // Which websites, in what order, within what budget: CatchUpPlanner (docs/catch-up.md).
        var attempt = await _planner.PlanAsync(_websites.All.Select(w => w.WebsiteId).Where(id => !gap.Done.Contains(id)), until - gap.Since, gap.Done.Count, ct);
        var notListed = attempt.Plan.NotListed.Count;
        foreach (var websiteId in attempt.Plan.Listed)
        {
            if (Running() is null)
                return; // abandoned: this node no longer listens
            if (!attempt.Budget.HasRoom) { notListed++; continue; }
            IReadOnlyList<(string SessionId, string? Origin)> conversations;
            try
            {
                conversations = await _crisp.ListConversationsAsync(websiteId, since, until + _options.Margin, MaxPagesPerWebsite, ct);
            }
            catch (CrispApiException error) when (error.IsLastingRefusal)
            {
                // Trying again would be refused again (and spend quota): said, and left.
                _logger.LogWarning("Catching up website {WebsiteId} failed: Crisp refuses its conversation list ({Status} {Reason}); its conversations since {Since:O} may have no contact",
                    websiteId, (int)error.Status, error.ReasonCode, since);
                _status.Cut($"Website {websiteId}: Crisp refused its conversation list ({(int)error.Status} {error.ReasonCode}); conversations since {since:u} were not caught up.", _clock.GetUtcNow());
                conversations = [];
            }
            if (conversations.Count >= MaxPagesPerWebsite * CrispClient.PeoplePageSize)
            {
                _logger.LogWarning("Website {WebsiteId} has more than {Count} conversations since {Since:O}: only the newest are caught up", websiteId, conversations.Count, since);
                _status.Cut($"Website {websiteId}: more than {conversations.Count} conversations since {since:u}; only the newest were caught up.", _clock.GetUtcNow());
            }
            attempt.Budget.Listed(conversations.Count);
            foreach (var (sessionId, origin) in conversations)
            {
                // Holds the mark at the stretch's start until handled: its own arrival time says nothing of when the conversation started.
                await _queue.PostAsync(new RawCrispEvent("message:send", FirstMessage(websiteId, sessionId, origin)) { HoldsMarkAt = gap.Since }, ct);
                found++;
            }
            lock (_gate) _running = _running is null ? null : _running with { Done = _running.Done.Add(websiteId) };
        }
        _planner.Report(attempt, notListed);
        _logger.LogInformation("Caught up {Count} conversations created between {Since:O} and {Until:O}", found, since, until);
    }


    /// <summary>The <c>message:send</c> payload Crisp would have sent for the conversation's first visitor message.</summary>
    private static JsonElement FirstMessage(string websiteId, string sessionId, string? origin) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["website_id"] = websiteId,
            ["session_id"] = sessionId,
            ["from"] = "user",
            ["origin"] = origin,
        });
}
