using Hangfire;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Engine.Settings;
using RichContact.Sandbox;
using RichContact.Sandbox.Traffic;

namespace RichContact.Bench;

/// <summary>
/// One bench run: a sandbox and the real engine, N conversations at R a second over W websites,
/// every outcome awaited, then what it cost (latency, REST calls, scheduler, CPU, memory).
/// </summary>
public static class BenchRun
{
    private const int MaxJobsSampled = 1000;
    private const int ReadConcurrency = 8;

    public static async Task<BenchResult> RunAsync(BenchOptions options, TextWriter? log = null, CancellationToken ct = default)
    {
        // Every run is bounded: driving, the outcome wait, and a margin for start-up and the readings after.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(options.Conversations / options.Rate) + options.OutcomeTimeout + TimeSpan.FromMinutes(3));
        ct = bounded.Token;
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var loadBefore = LoadAverage();

        await using var crisp = await CrispTarget.StartAsync(options.ExternalSandbox, options.PhonelessIdentity, ct);
        var websites = await crisp.WebsitesAsync(options.Websites, ct);
        await crisp.Control.SetSearchAsync(options.Search, ct);
        foreach (var website in websites.Where(_ => options.Crm > 0))
            await crisp.Control.PrefillProfilesAsync(website, options.Crm, ct: ct);
        // One engine on SQLite, or --nodes N on one PostgreSQL database, started once one of them holds RTM.
        await using var nodes = await BenchNodes.StartAsync(crisp, options, ct);
        foreach (var website in websites)
        {
            var saved = await nodes.First.Get<WebsiteSettingsStore>().SaveAsync(WebsiteSettings.DefaultsFor(website) with
            {
                UnsubscribePlaceholders = options.UnsubscribePlaceholders, TimelineEvent = options.TimelineEvent,
                DefaultCountry = options.DefaultCountry, Exclusions = options.Exclusions ? [WorkspaceMix.ExcludedPrefix] : [],
                PhonelessContacts = options.Phoneless,
            }, ct);
            if (!saved.IsValid)
                throw new ArgumentException(string.Join("; ", saved.Errors.Values.Select(e => e.Message)));
        }
        // Seen from the sandbox: the engine's socket is authenticated and listens to every website.
        await WaitUntilBoundAsync(crisp.Control, websites, ct);
        var rtmHolder = nodes.RtmHolder;
        log?.WriteLine($"Engine connected ({nodes.Storage}; RTM held by {rtmHolder}); {websites.Count} website(s); " +
            $"driving {options.Conversations} conversations at {options.Rate}/s ({options.Mix}).");

        using var outcomes = new OutcomeCollector(nodes.ActivityStreams);
        var (baselineWorkingSet, baselineHeap) = ResourceMonitor.AfterFullGc();
        var requestsBefore = (await crisp.Control.RequestsAsync(ct)).Total;

        // The load: drive, then wait for every channel conversation's outcome.
        var monitor = new ResourceMonitor();
        var driver = new TrafficDriver(crisp.Control, window / 2);
        var drops = options.RtmDropEvery is { } every ? new RtmDrops(crisp.Control, nodes, every, options.RtmDropSeconds) : null;
        using var stopDrops = new CancellationTokenSource();
        var dropping = drops?.RunAsync(stopDrops.Token, ct) ?? Task.CompletedTask;
        var driven = await driver.DriveAsync(new ConversationMix(options.Mix, options.Seed, websites, options.MetaOrder), options.Conversations, options.Rate, ct);
        await stopDrops.CancelAsync();
        await dropping;
        var expected = driven.Where(c => c.Plan.ExpectsOutcome).Select(c => c.SessionId).ToList();
        log?.WriteLine($"Started {driven.Count} in {driver.Duration.TotalSeconds:F1} s; waiting for {expected.Count} outcomes...");
        var waitStarted = DateTime.UtcNow;
        var lost = await outcomes.WaitForAsync(expected, options.OutcomeTimeout, ct);
        var missedAfterSecondMessage = drops is null ? 0 : await SecondMessageAsync(crisp.Control, outcomes, expected, options.OutcomeTimeout, ct);
        var waited = DateTime.UtcNow - waitStarted;
        var cpu = monitor.CpuTime;
        var wall = monitor.Elapsed;
        var runQueueWait = monitor.RunQueueWaitSinceStart;
        var requestsDuringRun = (await crisp.Control.RequestsAsync(ct)).Total - requestsBefore;
        var attributedDuringRun = outcomes.RestCalls;
        // Hangfire's storage is the nodes' one database: any node reads it whole.
        var hangfireAtEndOfWait = SchedulerTimings.Statistics(nodes.First.Get<JobStorage>());

        var followUps = await FollowUpPhaseAsync(crisp.Control, outcomes, driven, options, window, ct);
        await monitor.DisposeAsync();
        var (finalWorkingSet, finalHeap) = ResourceMonitor.AfterFullGc();
        var loadAfter = LoadAverage();

        // Readings after the measured part: they call the sandbox and allocate, and must not count.
        var entries = outcomes.Entries;
        var firstMessages = await FirstMessagesAsync(crisp, driven.Where(c => entries.ContainsKey(c.SessionId)).ToList(), ct);
        var createdAt = await ProfileCreationTimesAsync(crisp.Control, websites, ct);
        var jobs = SchedulerTimings.Read(nodes.First.Get<JobStorage>(), entries, window, MaxJobsSampled);

        var ignorable = driven.Where(c => !c.Plan.ExpectsOutcome).Select(c => c.SessionId).ToHashSet();
        var runEntries = expected.Where(entries.ContainsKey).Select(id => entries[id]).ToList();
        var windowMs = window.TotalMilliseconds;
        var createdLatencies = runEntries
            .Where(e => e.Outcome == ActivityOutcome.Created && e.PeopleId is not null && createdAt.ContainsKey(e.PeopleId) && firstMessages.ContainsKey(e.SessionId))
            .Select(e => (FirstMessage: firstMessages[e.SessionId], Ms: (double)(createdAt[e.PeopleId!] - firstMessages[e.SessionId])))
            .ToList();
        var creation = Percentiles.Of(createdLatencies.Select(c => c.Ms));

        return new BenchResult
        {
            Options = options,
            Sandbox = crisp.InProcess ? "in-process" : options.ExternalSandbox!.ToString(),
            Storage = nodes.Storage,
            RtmHolder = rtmHolder,
            OutcomesFirstRaisedBy = outcomes.FirstRaisedBy.Select((count, i) => (Node: BenchNodes.NodeName(i), count))
                .ToDictionary(n => n.Node, n => n.count),
            LoadBefore = loadBefore,
            LoadAfter = loadAfter,
            Started = driven.Count,
            AchievedRate = driven.Count / Math.Max(driver.Duration.TotalSeconds, 0.001),
            StartFailures = driver.StartFailures,
            Ignorable = ignorable.Count,
            Expected = expected.Count,
            Lost = lost,
            Unexpected = entries.Keys.Count(ignorable.Contains) + outcomes.Repeats,
            Mends = outcomes.Mends,
            Outcomes = runEntries.GroupBy(OutcomeKind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            CreationLatencyMs = creation,
            CreationOverheadMs = creation.Minus(windowMs),
            OverheadOverTime = OverheadSlice.Of(createdLatencies, windowMs),
            OutcomeLatencyMs = Percentiles.Of(runEntries.Where(e => firstMessages.ContainsKey(e.SessionId))
                .Select(e => (double)(e.At.ToUnixTimeMilliseconds() - firstMessages[e.SessionId]))),
            RtmDeliveryMs = Percentiles.Of(runEntries.Where(e => e.FirstMessageAt is not null && firstMessages.ContainsKey(e.SessionId))
                .Select(e => (double)(e.FirstMessageAt!.Value.ToUnixTimeMilliseconds() - firstMessages[e.SessionId]))),
            Rest = new RestCosts
            {
                PerCreated = AverageCalls(runEntries, ActivityOutcome.Created),
                PerExisting = AverageCalls(runEntries, ActivityOutcome.Existing),
                PerSkipped = AverageCalls(runEntries.Where(e => e.Reason != ReasonCodes.Excluded), ActivityOutcome.Skipped),
                PerExcluded = AverageCalls(runEntries.Where(e => e.Reason == ReasonCodes.Excluded), ActivityOutcome.Skipped),
                PhonelessOutcomes = Phoneless(runEntries).ToDictionary(g => g.Key, g => g.Count()),
                PhonelessCalls = Phoneless(runEntries).ToDictionary(g => g.Key, g => g.Average(e => (double)e.RestCalls)),
                CreatedByCalls = runEntries.Where(e => e.Outcome == ActivityOutcome.Created).GroupBy(e => e.RestCalls)
                    .OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                SandboxDuringRun = requestsDuringRun,
                Unattributed = requestsDuringRun - attributedDuringRun,
                FollowUpsInWindow = driver.FollowUpsSent,
                FollowUpsAfter = followUps.Sent,
                FollowUpCalls = followUps.Calls,
                FollowUpOutcomes = followUps.Outcomes,
            },
            Scheduler = new SchedulerFigures
            {
                JobsSampled = jobs.Count,
                PollerJobsPerSecond = SchedulerTimings.PollerThroughput(jobs),
                HangfireAtEndOfWait = hangfireAtEndOfWait,
                JobCreateMs = Percentiles.Of(nodes.JobCreateMs),
                ChangeStateMs = Percentiles.Of(nodes.ChangeStateMs),
                RoundingMs = Percentiles.Of(jobs.Select(j => j.RoundingMs)),
                LatenessMs = Percentiles.Of(jobs.Select(j => j.LatenessMs)),
                EnqueueDelayMs = Percentiles.Of(jobs.Select(j => j.EnqueueDelayMs)),
                QueuePickupMs = Percentiles.Of(jobs.Select(j => j.QueuePickupMs)),
                RunMs = Percentiles.Of(jobs.Select(j => j.RunMs)),
            },
            Resources = new ResourceFigures
            {
                CpuSeconds = cpu.TotalSeconds,
                WallSeconds = wall.TotalSeconds,
                RunQueueWaitSeconds = runQueueWait.TotalSeconds,
                BaselineWorkingSetMb = Mb(baselineWorkingSet),
                PeakWorkingSetMb = Mb(monitor.PeakWorkingSet),
                FinalWorkingSetMb = Mb(finalWorkingSet),
                BaselineHeapMb = Mb(baselineHeap),
                FinalHeapMb = Mb(finalHeap),
                RetainedBytesPerConversation = driven.Count == 0 ? 0 : (double)(finalHeap - baselineHeap) / driven.Count,
            },
            WaitSeconds = waited.TotalSeconds,
            Drops = drops is null ? null : new RtmDropFigures
            {
                EverySeconds = options.RtmDropEvery!.Value,
                RefusedSeconds = options.RtmDropSeconds,
                CallsPerDrop = drops.CallsPerDrop,
                ListCallsPerDrop = drops.ListCallsPerDrop,
                WebsitesNotListed = drops.WebsitesNotListed,
                Missed = lost,
                MissedAfterSecondMessage = missedAfterSecondMessage,
            },
        };
    }

    private static string OutcomeKind(ActivityEntry entry) =>
        entry.Reason is null ? entry.Outcome.ToString().ToLowerInvariant() : $"{entry.Outcome.ToString().ToLowerInvariant()}:{entry.Reason}";

    private static IEnumerable<IGrouping<string, ActivityEntry>> Phoneless(IEnumerable<ActivityEntry> entries) =>
        entries.Where(e => e.Channel is { } channel && TrafficScript.PhonelessChannels.Contains(channel)).GroupBy(OutcomeKind).OrderBy(g => g.Key);

    private static double AverageCalls(IEnumerable<ActivityEntry> entries, ActivityOutcome outcome) =>
        entries.Where(e => e.Outcome == outcome).Select(e => (double)e.RestCalls).DefaultIfEmpty(0).Average();

    private static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    /// <summary>The engine's socket must listen to every website before the first conversation starts.</summary>
    private static async Task WaitUntilBoundAsync(SandboxControl control, IReadOnlyList<string> websites, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var sockets = await control.SocketsAsync(ct);
            if (sockets.Any(s => s.Authenticated && websites.All(s.Websites.Contains)))
                return;
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("the engine's RTM socket never listened to every website");
    }

    /// <summary>
    /// The visitors of the conversations still without an outcome write again (their first message fell in
    /// a gap the catch-up did not list): how many still get none.
    /// </summary>
    private static async Task<int> SecondMessageAsync(SandboxControl control, OutcomeCollector outcomes, IReadOnlyList<string> expected,
        TimeSpan timeout, CancellationToken ct)
    {
        var missed = expected.Where(id => !outcomes.Entries.ContainsKey(id)).ToList();
        foreach (var sessionId in missed)
            await control.SendMessageAsync(sessionId, "Hello? Anyone there?", ct);
        return missed.Count == 0 ? 0 : await outcomes.WaitForAsync(missed, timeout, ct);
    }

    private sealed record FollowUpFigures(int Sent, long Calls, int Outcomes);

    /// <summary>
    /// Follow-up messages in conversations that already have their outcome, with nothing else going
    /// on: every REST call the sandbox counts meanwhile is theirs.
    /// </summary>
    private static async Task<FollowUpFigures> FollowUpPhaseAsync(SandboxControl control, OutcomeCollector outcomes,
        IReadOnlyList<DrivenConversation> driven, BenchOptions options, TimeSpan window, CancellationToken ct)
    {
        var known = driven.Where(c => outcomes.Entries.ContainsKey(c.SessionId)).Take(options.FollowUps).ToList();
        if (known.Count == 0)
            return new FollowUpFigures(0, 0, 0);
        var before = (await control.RequestsAsync(ct)).Total;
        var recordedBefore = outcomes.Recorded;
        var attributedBefore = outcomes.RestCalls;
        foreach (var conversation in known)
            await control.SendMessageAsync(conversation.SessionId, "Thanks!", ct);
        // Long enough for anything the messages could have set off, a window's job included.
        await Task.Delay(window + TimeSpan.FromSeconds(1.5), ct);
        // Outcomes still arriving from the run (only when it had losses) bring their own calls: not the follow-ups'.
        var calls = (await control.RequestsAsync(ct)).Total - before - (outcomes.RestCalls - attributedBefore);
        return new FollowUpFigures(known.Count, calls, outcomes.Recorded - recordedBefore);
    }

    private static async Task<Dictionary<string, long>> FirstMessagesAsync(CrispTarget crisp, IReadOnlyList<DrivenConversation> conversations, CancellationToken ct)
    {
        var times = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = ct }, async (conversation, token) =>
        {
            if (await crisp.FirstMessageAtAsync(conversation.WebsiteId, conversation.SessionId, token) is { } at)
                times[conversation.SessionId] = at;
        });
        return new Dictionary<string, long>(times);
    }

    /// <summary>people_id → the sandbox's created_at (ms), read through the control API (not counted as REST).</summary>
    private static async Task<Dictionary<string, long>> ProfileCreationTimesAsync(SandboxControl control, IReadOnlyList<string> websites, CancellationToken ct)
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var website in websites)
            foreach (var profile in await control.ProfilesAsync(website, ct))
                if (profile["people_id"]?.GetValue<string>() is { } id && profile["created_at"]?.GetValue<long>() is { } at)
                    times[id] = at;
        return times;
    }

    private static string? LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ').Take(3) is var parts ? string.Join(' ', parts) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
