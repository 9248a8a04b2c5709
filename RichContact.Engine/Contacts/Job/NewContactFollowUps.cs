using Microsoft.Extensions.Logging;
using RichContact.Engine.Channels;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The calls a website's settings ask for once a contact exists: unsubscribing a placeholder contact
/// from email campaigns, and a line on its timeline. Neither can cost the contact: a failure is logged
/// (the status and reason, never the contact) and the contact stays created. A route Crisp refuses for
/// the plugin token is not asked again on that website for a day, by any node (<see cref="IRouteRefusals"/>),
/// so a refusal costs one call a day per website.
/// </summary>
internal sealed class NewContactFollowUps(CrispClient crisp, IRouteRefusals refusals, TimeProvider clock, ILogger<NewContactFollowUps> logger)
{
    /// <summary>How long a route Crisp refused is left alone on a website.</summary>
    public static readonly TimeSpan RefusalPause = TimeSpan.FromDays(1);

    private const string Unsubscribe = "unsubscribe";
    private const string TimelineEvent = "timeline";

    /// <summary>The most the follow-ups add to a created contact's calls under <paramref name="settings"/> (quota estimates).</summary>
    public static int CallsPerCreated(WebsiteSettings settings) =>
        (settings.UnsubscribePlaceholders ? 1 : 0) + (settings.TimelineEvent ? 1 : 0);

    /// <summary>After the create of <paramref name="peopleId"/> (<paramref name="placeholder"/>: made with a placeholder email).</summary>
    public async Task AfterCreateAsync(string websiteId, string peopleId, bool placeholder, string channel, WebsiteSettings settings, CancellationToken ct)
    {
        // A real email is never unsubscribed: its owner may well want the campaigns.
        if (placeholder && settings.UnsubscribePlaceholders)
            await TryAsync(websiteId, Unsubscribe, () => crisp.SetEmailSubscriptionAsync(websiteId, peopleId, subscribed: false, ct), ct);
        if (settings.TimelineEvent)
            await TryAsync(websiteId, TimelineEvent, () => crisp.AddPeopleEventAsync(websiteId, peopleId, EventText(channel), "blue", ct), ct);
    }

    /// <summary>The timeline line: "Created by Rich Contact from a WhatsApp conversation".</summary>
    public static string EventText(string channel)
    {
        var name = ChannelOrigin.DisplayName(channel);
        var article = "aeiouAEIOU".Contains(name[0]) ? "an" : "a";
        return $"Created by Rich Contact from {article} {name} conversation";
    }

    private async Task TryAsync(string websiteId, string call, Func<Task> send, CancellationToken ct)
    {
        var pausedUntil = await StoreAsync(() => refusals.PausedUntilAsync(websiteId, call, ct));
        if (pausedUntil is { } until && clock.GetUtcNow() < until)
            return;
        try
        {
            await send();
            if (pausedUntil is not null)
                await StoreAsync(async () => { await refusals.ClearAsync(websiteId, call, ct); return null; });
        }
        catch (CrispApiException error) when (IsRefusal(error))
        {
            await StoreAsync(async () => { await refusals.PauseAsync(websiteId, call, clock.GetUtcNow() + RefusalPause, ct); return null; });
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

    /// <summary>
    /// The refusals' home failing (the database) must not cost the contact just created: a pause not read
    /// asks Crisp once more, a pause not written is learnt again.
    /// </summary>
    private async Task<DateTimeOffset?> StoreAsync(Func<Task<DateTimeOffset?>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("The follow-up refusals could not be read or written ({ErrorType})", error.GetBaseException().GetType().Name);
            return null;
        }
    }

    /// <summary>What Crisp says of the route itself (closed to the token, unknown, not allowed), not of this contact or this moment.</summary>
    private static bool IsRefusal(CrispApiException error) =>
        (int)error.Status is 401 or 402 or 403 or 404 or 405 or 423 && error.Reason != "people_not_found";
}
