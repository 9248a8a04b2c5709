using Hangfire.Common;
using Hangfire.States;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Contacts;

/// <summary>
/// A contact job that failed on <c>richcontact.db</c> is scheduled again — 1 s, then doubling to
/// 30 s, as <see cref="ContactJobScheduler"/> holds what the job storage refuses by default — for as long as the
/// database fails. Hangfire's own retries (a few, within a minute) would end a job whose contact
/// exists in Crisp in the Failed state, with no activity entry, while a disk stays full for minutes.
/// Runs before <see cref="Hangfire.AutomaticRetryAttribute"/> (order 20), so a hold spends none of its attempts.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class HoldWhileDatabaseFailsAttribute : JobFilterAttribute, IElectStateFilter
{
    /// <summary>Job parameter: how many times the job was held so far (the backoff's exponent).</summary>
    public const string HoldsParameter = "DatabaseHolds";

    // Constants, not ContactJobOptions: Hangfire makes its filter attributes, out of reach of the options.
    private static readonly TimeSpan FirstHold = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    public HoldWhileDatabaseFailsAttribute() => Order = 10;

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState { Exception: DatabaseHeldException })
            return;
        var holds = context.GetJobParameter<int>(HoldsParameter) + 1;
        context.SetJobParameter(HoldsParameter, holds);
        context.CandidateState = new ScheduledState(Delay(holds)) { Reason = $"{DataDirectory.DatabaseFileName} failing: held ({holds})" };
    }

    /// <summary>The wait before the <paramref name="holds"/>-th run again.</summary>
    internal static TimeSpan Delay(int holds) =>
        TimeSpan.FromTicks(Math.Min(FirstHold.Ticks << Math.Min(holds - 1, 16), MaxHold.Ticks));
}
