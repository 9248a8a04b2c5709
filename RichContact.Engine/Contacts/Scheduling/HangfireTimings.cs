namespace RichContact.Engine.Contacts;

/// <summary>Configuration section <c>RichContact:Hangfire</c>: how often Hangfire's server and job storage look for work.</summary>
internal sealed class HangfireTimings
{
    public const string Section = "RichContact:Hangfire";

    /// <summary>
    /// Hangfire checks for due jobs this often; its 15 s default would make a 2 s collection window
    /// last up to 17 s.
    /// </summary>
    public double SchedulePollingIntervalMilliseconds { get; set; } = 250;

    /// <summary>How often a worker with nothing to do asks the job storage for a queued job.</summary>
    public double QueuePollIntervalMilliseconds { get; set; } = 100;

    /// <summary>
    /// A queued job a worker fetched but never finished is handed out again after this long (the
    /// storage's default is 30 minutes). The benchmark saw a few jobs stay fetched and unprocessed
    /// under load (BENCHMARKS.md, "What limits it" 5). It must outlast the longest job, or a running
    /// job would be handed out twice: at most 3 Crisp calls of at most ~170 s each with every retry
    /// (CrispRegistration: 5 attempts of 10 s, back-offs up to 30 s).
    /// </summary>
    public double InvisibilityTimeoutMinutes { get; set; } = 10;

    public TimeSpan SchedulePollingInterval => TimeSpan.FromMilliseconds(SchedulePollingIntervalMilliseconds);
    public TimeSpan QueuePollInterval => TimeSpan.FromMilliseconds(QueuePollIntervalMilliseconds);
    public TimeSpan InvisibilityTimeout => TimeSpan.FromMinutes(InvisibilityTimeoutMinutes);
}
