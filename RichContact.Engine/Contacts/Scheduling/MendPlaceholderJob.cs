using Hangfire;

namespace RichContact.Engine.Contacts;

/// <summary>
/// A conversation's placeholder mend as a Hangfire job (ids only), retried when it throws. The run
/// itself is <see cref="MendPlaceholderRun"/>. Its name and <see cref="RunAsync"/>'s signature are what
/// the jobs already stored in the job storage call: they must not change.
/// </summary>
internal sealed class MendPlaceholderJob(MendPlaceholderRun run)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public Task RunAsync(string websiteId, string sessionId, CancellationToken cancellationToken) =>
        run.RunAsync(new ConversationKey(websiteId, sessionId), cancellationToken);
}
