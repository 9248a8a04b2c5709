using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Crisp;

/// <summary>
/// Events sent while the RTM socket was down are lost, and a conversation whose only message came
/// then would never get its contact. After a reconnect this lists each subscribed website's
/// conversations created since the last event seen before the drop (bounded by
/// <see cref="CrispOptions.CatchUpMaxGapMinutes"/>) and feeds them to the engine as first visitor messages;
/// the tracker ignores the ones it already saw. One REST call per website per outage, so it is
/// skipped (with a warning) above <see cref="RtmTimings.CatchUpMaxWebsites"/> websites.
/// [guess]: <c>filter_date_start</c> filters on the conversation's creation date (crisp-api.md §5).
/// </summary>
public sealed class OutageCatchUp(CrispClient crisp, SubscribedWebsites websites, RtmEventQueue queue, RtmTimings timings,
    IOptions<RichContactOptions> options, TimeProvider clock, ILogger<OutageCatchUp> logger)
{
    /// <summary>Conversation pages read per website at most.</summary>
    private const int MaxPages = 2;

    /// <param name="lastEventAt">When the socket last showed a sign of life before it went down.</param>
    public async Task RunAsync(DateTimeOffset lastEventAt, CancellationToken ct)
    {
        var subscribed = websites.All.ToList();
        if (subscribed.Count > timings.CatchUpMaxWebsites)
        {
            logger.LogWarning("RTM was down since {Since:O}; {Count} websites are too many to catch up over REST, conversations started meanwhile may have no contact",
                lastEventAt, subscribed.Count);
            return;
        }

        // A margin for clock skew between Crisp and us; the tracker drops what it has already seen.
        var now = clock.GetUtcNow();
        var since = lastEventAt - timings.CatchUpMargin;
        var earliest = now - TimeSpan.FromMinutes(options.Value.Crisp.CatchUpMaxGapMinutes);
        if (since < earliest)
        {
            logger.LogWarning("RTM was down since {Since:O}, longer than RichContact:Crisp:CatchUpMaxGapMinutes; only conversations created since {Earliest:O} are caught up",
                lastEventAt, earliest);
            since = earliest;
        }
        var found = 0;
        foreach (var website in subscribed)
        {
            try
            {
                foreach (var (sessionId, origin) in await crisp.ListConversationsAsync(website.WebsiteId, since, now + timings.CatchUpMargin, MaxPages, ct))
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
