using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp.Events;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Nodes;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Reads RTM events off <see cref="CrispEventQueue"/> one by one and routes them: conversation events
/// to the <see cref="ConversationTracker"/>, subscription changes to <see cref="SubscribedWebsites"/>
/// (installs through <see cref="WebsiteInstallFollowUp"/>, so that nothing here waits on Crisp's bind interval).
/// A malformed payload or a failing handler costs that one event and a log line without its values.
/// Each event is reported handled to the queue when done with, so the last-event mark follows handling, not receipt.
/// An event the socket heard under an RTM term this node no longer holds is dropped unhandled: the node
/// woke after another took RTM over, and that one catches up what was missed.
/// </summary>
internal sealed class CrispEventDispatcher(
    CrispEventQueue queue,
    ConversationTracker tracker,
    SubscribedWebsites websites,
    WebsiteInstallFollowUp installs,
    IRtmLeadership leadership,
    WebsiteTraffic traffic,
    ILogger<CrispEventDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long fencedTerm = 0;
        await foreach (var raw in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (raw.Term != 0 && !leadership.Holds(raw.Term))
            {
                if (fencedTerm != raw.Term)
                    logger.LogWarning("RTM events heard under term {Term}, which this node no longer holds, are dropped unhandled", raw.Term);
                fencedTerm = raw.Term;
                queue.Handled(raw);
                continue;
            }
            try
            {
                await DispatchAsync(raw, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Not handled: the last-event mark stays before it and the next process catches it up.
                return;
            }
            catch (Exception error)
            {
                // The type only: messages of some exceptions quote the data they choked on.
                logger.LogError("Handling a {Event} event failed with {ErrorType}; the event is dropped", raw.Name, error.GetType().Name);
            }
            // Only now may the last-event mark pass it: a kill before this loses it from memory.
            queue.Handled(raw);
        }
    }

    internal async Task DispatchAsync(RawCrispEvent raw, CancellationToken ct)
    {
        var rtmEvent = CrispEventParser.Parse(raw.Name, raw.Payload, out var problem);
        if (problem is not null)
            logger.LogWarning("Ignored a malformed RTM event: {Problem}", problem);

        switch (rtmEvent)
        {
            case null:
                return;
            case SubscriptionUpdated { Bound: false } removed:
                websites.Remove(removed.WebsiteId);
                logger.LogInformation("Website {WebsiteId} removed the plugin", removed.WebsiteId);
                return;
            case SubscriptionUpdated added:
                installs.Request();
                logger.LogInformation("Website {WebsiteId} installed the plugin", added.WebsiteId);
                return;
            default:
                traffic.Heard(rtmEvent.WebsiteId); // recently heard websites are caught up first (CatchUpPlan)
                await tracker.HandleAsync(rtmEvent, ct);
                return;
        }
    }
}
