using Hangfire;
using Hangfire.Server;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The conversation's Hangfire job: the durable record of a conversation waiting for its contact, run
/// by Hangfire when this process did not run it at the window's end (<see cref="WindowEndRuns"/>),
/// or again after a failure. Its arguments are ids only (Hangfire's storage is on disk). The run
/// itself is <see cref="CreateContactRun"/>; this class holds only what Hangfire needs. Its name and
/// <see cref="RunAsync"/>'s signature are what the jobs already stored in the job storage call: they
/// must not change.
/// </summary>
internal sealed class CreateContactJob(CreateContactRun run)
{
    /// <summary>Hangfire retries of unexpected failures (the database busy, say); the outcome check keeps them safe.</summary>
    public const int Retries = 3;

    // Failures Crisp explains are recorded, not retried: the HTTP client already retried them.
    // richcontact.db failing is neither: the job is held until it works (HoldWhileDatabaseFails).
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2, 10, 30])]
    [HoldWhileDatabaseFails]
    public Task RunAsync(string websiteId, string sessionId, PerformContext? context, CancellationToken cancellationToken) =>
        run.RunAsync(new ConversationKey(websiteId, sessionId), new ContactRunAttempt(IsLastAttempt(context)), cancellationToken);

    /// <summary>Hangfire passes the context; a direct call (no context) has no retries left.</summary>
    private static bool IsLastAttempt(PerformContext? context) =>
        context is null || context.GetJobParameter<int>("RetryCount") >= Retries;
}
