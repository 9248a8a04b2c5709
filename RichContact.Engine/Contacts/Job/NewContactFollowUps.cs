using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The calls a website's settings ask for once a contact exists: unsubscribing a placeholder contact
/// from email campaigns, and a line on its timeline. Neither can cost the contact: a failure is logged
/// (the status and reason, never the contact) and the contact stays created. A route Crisp refuses for
/// the plugin token is not asked again on that website for a day, so a refusal costs one call a day
/// per website (per node: each node learns it on its own).
/// </summary>
internal sealed class NewContactFollowUps(CrispClient crisp, TimeProvider clock, ILogger<NewContactFollowUps> logger)
{
    /// <summary>How long a route Crisp refused is left alone on a website.</summary>
    public static readonly TimeSpan RefusalPause = TimeSpan.FromDays(1);

    private const string Unsubscribe = "unsubscribe";
    private const string TimelineEvent = "timeline";

    private readonly ConcurrentDictionary<(string WebsiteId, string Call), DateTimeOffset> _refusedUntil = new();

    /// <summary>The most the follow-ups add to a created contact's calls under <paramref name="settings"/> (quota estimates).</summary>
    public static int CallsPerCreated(WebsiteSettings settings) =>
        (settings.UnsubscribePlaceholders ? 1 : 0) + (settings.TimelineEvent ? 1 : 0);

    /// <summary>After the create of <paramref name="peopleId"/> (<paramref name="placeholder"/>: made with a placeholder email).</summary>
    public async Task AfterCreateAsync(string websiteId, string peopleId, bool placeholder, string channel, WebsiteSettings settings, CancellationToken ct)
    {
        // A real email is never unsubscribed: its owner may well want the campaigns.
        if (placeholder && settings.UnsubscribePlaceholders)
            await TryAsync(websiteId, Unsubscribe, () => crisp.SetEmailSubscriptionAsync(websiteId, peopleId, subscribed: false, ct));
        if (settings.TimelineEvent)
            await TryAsync(websiteId, TimelineEvent, () => crisp.AddPeopleEventAsync(websiteId, peopleId, EventText(channel), "blue", ct));
    }

    /// <summary>The timeline line: "Created by Rich Contact from a WhatsApp conversation".</summary>
    public static string EventText(string channel)
    {
        var name = ChannelOrigin.DisplayName(channel);
        var article = "aeiouAEIOU".Contains(name[0]) ? "an" : "a";
        return $"Created by Rich Contact from {article} {name} conversation";
    }

    private async Task TryAsync(string websiteId, string call, Func<Task> send)
    {
        var key = (websiteId, call);
        if (_refusedUntil.TryGetValue(key, out var until) && clock.GetUtcNow() < until)
            return;
        try
        {
            await send();
            _refusedUntil.TryRemove(key, out _);
        }
        catch (CrispApiException error) when (IsRefusal(error))
        {
            _refusedUntil[key] = clock.GetUtcNow() + RefusalPause;
            logger.LogWarning("Crisp refused the {Call} call for new contacts of website {WebsiteId} ({ReasonCode}); not tried again there for {Hours} h",
                call, websiteId, error.ReasonCode, RefusalPause.TotalHours);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Crisp busy or unreachable, today's budget spent: this contact goes without it; the next one tries.
            logger.LogInformation("The {Call} call for a new contact of website {WebsiteId} failed ({ErrorType}); the contact stays created",
                call, websiteId, error.GetType().Name);
        }
    }

    /// <summary>What Crisp says of the route itself (closed to the token, unknown, not allowed), not of this contact or this moment.</summary>
    private static bool IsRefusal(CrispApiException error) =>
        (int)error.Status is 401 or 402 or 403 or 404 or 405 or 423 && error.Reason != "people_not_found";
}
