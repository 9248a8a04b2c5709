using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Crisp;

/// <summary>
/// Events sent while the RTM socket was down are lost, and a conversation whose only message came
/// then would never get its contact. After a reconnect this lists each subscribed website's
/// conversations created since the drop and feeds them to the engine as first visitor messages;
/// the tracker ignores the ones it already saw. One REST call per website per outage, so it is
/// skipped (with a warning) above <see cref="RtmTimings.CatchUpMaxWebsites"/> websites.
/// [guess]: <c>filter_date_start</c> filters on the conversation's creation date (crisp-api.md §5).
/// </summary>
public sealed class OutageCatchUp(CrispClient crisp, SubscribedWebsites websites, RtmEventQueue queue, RtmTimings timings,
    ILogger<OutageCatchUp> logger)
{
    /// <summary>Conversation pages read per website at most.</summary>
    private const int MaxPages = 2;

    public async Task RunAsync(DateTimeOffset disconnectedAt, CancellationToken ct)
    {
        var subscribed = websites.All.ToList();
        if (subscribed.Count > timings.CatchUpMaxWebsites)
        {
            logger.LogWarning("RTM was down since {Since:O}; {Count} websites are too many to catch up over REST, conversations started meanwhile may have no contact",
                disconnectedAt, subscribed.Count);
            return;
        }

        // A margin for clock skew between Crisp and us; the tracker drops what it has already seen.
        var since = disconnectedAt - timings.CatchUpMargin;
        var found = 0;
        foreach (var website in subscribed)
        {
            try
            {
                foreach (var (sessionId, origin) in await crisp.ListConversationsSinceAsync(website.WebsiteId, since, MaxPages, ct))
                {
                    queue.Post(new RawRtmEvent("message:send", FirstMessage(website.WebsiteId, sessionId, origin)));
                    found++;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("Catching up website {WebsiteId} after an RTM outage failed ({ErrorType})", website.WebsiteId, error.GetType().Name);
            }
        }
        logger.LogInformation("Caught up after an RTM outage: {Count} conversations created since {Since:O}", found, since);
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
