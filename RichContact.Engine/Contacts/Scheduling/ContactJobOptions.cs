namespace RichContact.Engine.Contacts;

/// <summary>
/// Configuration section <c>RichContact:ContactJobs</c>: when a conversation's contact job runs once
/// its collection window (<see cref="CollectionWindowOptions.CollectionWindowSeconds"/>) ends, and how
/// much of it this process keeps in memory. Defaults come from the benchmark (BENCHMARKS.md) and the
/// reliability tests (RELIABILITY.md); tests change them.
/// </summary>
public sealed class ContactJobOptions
{
    public const string Section = "RichContact:ContactJobs";

    /// <summary>
    /// How long after the window the Hangfire job is due: this process runs the conversation at the
    /// window's end (<see cref="WindowEndRuns"/>) and deletes the job, which therefore runs only when
    /// that did not happen. Long enough that a busy process still gets there first.
    /// </summary>
    public double FallbackSeconds { get; set; } = 5;

    /// <summary>Conversations held at most while the job storage refuses jobs (<see cref="ContactJobScheduler"/>): a long outage under traffic must not eat the memory.</summary>
    public int HeldCapacity { get; set; } = 10_000;

    /// <summary>While the job storage refuses jobs, the held conversations are tried again after this, doubling up to <see cref="MaxHoldRetrySeconds"/>.</summary>
    public double HoldRetrySeconds { get; set; } = 1;
    public double MaxHoldRetrySeconds { get; set; } = 30;

    /// <summary>Runs at the window's end at once (<see cref="WindowEndRuns"/>): each mostly waits for Crisp, so they overlap well beyond the cores.</summary>
    public int WindowEndConcurrency { get; set; } = 32;

    /// <summary>Runs waiting for a free slot; beyond this the Hangfire job is enqueued instead.</summary>
    public int WindowEndCapacity { get; set; } = 10_000;

    /// <summary>
    /// While Crisp refuses new contacts on a website (<see cref="ContactsLimit"/>), one create is tried
    /// again after this, across every node; saving the website's settings allows one at once.
    /// </summary>
    public double LimitRetrySeconds { get; set; } = 3600;

    public TimeSpan LimitRetry => TimeSpan.FromSeconds(LimitRetrySeconds);
    public TimeSpan Fallback => TimeSpan.FromSeconds(FallbackSeconds);
    public TimeSpan HoldRetry => TimeSpan.FromSeconds(HoldRetrySeconds);
    public TimeSpan MaxHoldRetry => TimeSpan.FromSeconds(MaxHoldRetrySeconds);
}
