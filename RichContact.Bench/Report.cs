using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RichContact.Bench;

/// <summary>The figures of a run as a console table, and as JSON. Ids and counts only, never personal data.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonOptions);

    public static void Print(BenchResult r, TextWriter output)
    {
        var o = r.Options;
        output.WriteLine();
        output.WriteLine($"Rich Contact bench — {o.Mix} mix, {r.Started} conversations asked at {F(o.Rate)}/s (achieved {F(r.AchievedRate)}/s), " +
            $"{o.Websites} website(s), window {F(o.WindowSeconds)} s, sandbox {r.Sandbox}" +
            (o.DataParent is null ? "" : $", data under {o.DataParent}") + $", storage {r.Storage}");
        output.WriteLine($"People search: person.phone {o.Search.PhoneCriterion}, has = {o.Search.Has}, index lag {o.Search.IndexLagMs} ms, " +
            $"{o.Crm} hand-made contacts per website; details {o.MetaOrder ?? "before, interleaved or after the first message (blend)"}");
        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average before {r.LoadBefore ?? "?"}, after {r.LoadAfter ?? "?"}");
        output.WriteLine();
        output.WriteLine($"{"latency (ms)",-44}{"n",7}{"min",8}{"p50",8}{"p95",8}{"p99",8}{"max",8}");
        Row(output, "first message -> contact created (sandbox)", r.CreationLatencyMs);
        Row(output, "  overhead over the window", r.CreationOverheadMs);
        foreach (var slice in r.OverheadOverTime)
            Row(output, $"    first messages at {slice.FromSecond}-{slice.FromSecond + OverheadSlice.Seconds} s", slice.OverheadMs);
        Row(output, "first message -> any outcome recorded", r.OutcomeLatencyMs);
        Row(output, "first message -> engine saw it (RTM)", r.RtmDeliveryMs);
        Row(output, "Hangfire job creation (on the RTM loop)", r.Scheduler.JobCreateMs);
        Row(output, "Hangfire state change (delete after the run)", r.Scheduler.ChangeStateMs);
        Row(output, "fallback due time round-up (whole s)", r.Scheduler.RoundingMs);
        output.WriteLine("jobs Hangfire ran (the fallback: the window-end run failed, or its queue was full):");
        Row(output, "scheduler lateness (job start - window end)", r.Scheduler.LatenessMs);
        Row(output, "  enqueue delay (enqueued - window end)", r.Scheduler.EnqueueDelayMs);
        Row(output, "  queue pick-up (started - enqueued)", r.Scheduler.QueuePickupMs);
        Row(output, "job run (started -> outcome)", r.Scheduler.RunMs);
        output.WriteLine($"Moved to the queue at {F(r.Scheduler.PollerJobsPerSecond)} jobs/s over {r.Scheduler.JobsSampled} sampled jobs; Hangfire at the end of the wait: {r.Scheduler.HangfireAtEndOfWait}");
        output.WriteLine();
        output.WriteLine($"Outcomes: {r.Expected} expected, lost {r.Lost}, unexpected {r.Unexpected}, chat/email ignored {r.Ignorable}, start failures {r.StartFailures}, placeholders mended afterwards {r.Mends}");
        foreach (var (kind, count) in r.Outcomes)
            output.WriteLine($"  {kind,-36}{count,7}");
        if (r.OutcomesFirstRaisedBy.Count > 1)
            output.WriteLine($"Entries first raised by node (its own at once, the others' over NOTIFY): " +
                $"{string.Join(", ", r.OutcomesFirstRaisedBy.Select(n => $"{n.Key} {n.Value}"))}; RTM held by {r.RtmHolder}");
        output.WriteLine();
        var rest = r.Rest;
        output.WriteLine($"REST calls per created contact {F(rest.PerCreated)} (by calls: {string.Join(", ", rest.CreatedByCalls.Select(c => $"{c.Key}: {c.Value}"))}), " +
            $"per existing {F(rest.PerExisting)}, per skipped {F(rest.PerSkipped)}, per excluded {F(rest.PerExcluded)}");
        output.WriteLine($"Website settings: unsubscribe placeholders {OnOff(r.Options.UnsubscribePlaceholders)}, timeline event {OnOff(r.Options.TimelineEvent)}, " +
            $"default country {r.Options.DefaultCountry ?? "none"}, exclusions {OnOff(r.Options.Exclusions)}, " +
            $"phone-less contacts {OnOff(r.Options.Phoneless)} (user.user_id: {r.Options.PhonelessIdentity})");
        output.WriteLine($"Phone-less channels (Instagram, Messenger): {string.Join(", ", rest.PhonelessOutcomes.Select(p => $"{p.Key} {p.Value} at {F(rest.PhonelessCalls[p.Key])} calls"))}");
        output.WriteLine($"REST calls during the run {rest.SandboxDuringRun} (not in any activity entry: {rest.Unattributed}; {rest.FollowUpsInWindow} follow-ups sent in windows)");
        output.WriteLine($"Follow-ups after the outcome: {rest.FollowUpsAfter} sent, {rest.FollowUpCalls} REST calls ({F(rest.PerFollowUp)} each), {rest.FollowUpOutcomes} new outcomes");
        if (r.Drops is { } drops)
        {
            output.WriteLine($"RTM dropped every {F(drops.EverySeconds)} s, reconnects refused {F(drops.RefusedSeconds)} s: {drops.CallsPerDrop.Count} drops, " +
                $"catch-up calls per drop {string.Join(", ", drops.CallsPerDrop)} (mean {F(drops.CallsPerDrop.DefaultIfEmpty(0).Average())}, " +
                $"max {drops.CallsPerDrop.DefaultIfEmpty(0).Max()}; conversation lists {string.Join(", ", drops.ListCallsPerDrop)})");
            output.WriteLine($"Websites not listed by the drops' catch-ups {drops.WebsitesNotListed}; conversations missed {drops.Missed}, " +
                $"still missed after their visitor wrote again {drops.MissedAfterSecondMessage}");
        }
        output.WriteLine();
        var res = r.Resources;
        output.WriteLine($"CPU {F(res.CpuSeconds)} s over {F(res.WallSeconds)} s ({F(res.CoresBusy)} cores busy; threads waited {F(res.RunQueueWaitSeconds)} s for a core); outcome wait {F(r.WaitSeconds)} s");
        output.WriteLine($"Working set: baseline {F(res.BaselineWorkingSetMb)} MB, peak {F(res.PeakWorkingSetMb)} MB, after run + full GC {F(res.FinalWorkingSetMb)} MB");
        output.WriteLine($"Managed heap: baseline {F(res.BaselineHeapMb)} MB, after {F(res.FinalHeapMb)} MB ({F(res.RetainedBytesPerConversation)} bytes retained per conversation)");
    }

    public static void PrintSweep(SweepResult sweep, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Sweep (window {F(sweep.Steps.FirstOrDefault()?.Options.WindowSeconds ?? 0)} s): stop when p95 overhead > {sweep.MaxP95OverheadMs} ms or a conversation is lost");
        output.WriteLine($"{"rate",8}{"achieved",10}{"started",9}{"lost",6}{"p50 ovh",9}{"p95 ovh",9}{"p99 ovh",9}{"cores",7}{"peak MB",9}");
        foreach (var step in sweep.Steps)
            output.WriteLine($"{F(step.Options.Rate),8}{F(step.AchievedRate),10}{step.Started,9}{step.Lost,6}{F(step.CreationOverheadMs.P50),9}" +
                $"{F(step.CreationOverheadMs.P95),9}{F(step.CreationOverheadMs.P99),9}{F(step.Resources.CoresBusy),7}{F(step.Resources.PeakWorkingSetMb),9}");
        output.WriteLine($"Highest sustained rate (p95 overhead <= {sweep.MaxP95OverheadMs} ms, no loss): {F(sweep.HighestWithinLatency)} new conversations/s");
        output.WriteLine($"Highest rate without loss (outcomes within the timeout, however late): {F(sweep.HighestWithoutLoss)} new conversations/s");
    }

    private static void Row(TextWriter output, string label, Percentiles p) =>
        output.WriteLine($"{label,-44}{p.Count,7}{F(p.Min),8}{F(p.P50),8}{F(p.P95),8}{F(p.P99),8}{F(p.Max),8}");

    private static string F(double value) => value.ToString(Math.Abs(value) >= 100 ? "F0" : "0.##", CultureInfo.InvariantCulture);

    private static string OnOff(bool on) => on ? "on" : "off";
}
