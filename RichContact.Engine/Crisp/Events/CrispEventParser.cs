using System.Text.Json;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Crisp.Events;

/// <summary>
/// Turns raw RTM payloads into <see cref="CrispEvent"/>s. Missing or wrongly typed fields give a
/// problem description that names the event and the field, never a value.
/// </summary>
internal static class CrispEventParser
{
    /// <summary>The events the plugin asks Crisp for in its <c>authentication</c>.</summary>
    public static readonly string[] Subscribed =
    [
        "message:send",
        "session:set_phone",
        "session:set_email",
        "session:set_nickname",
        "session:set_origin",
        "session:sync:geolocation",
        "session:removed",
        "plugin:subscription:updated",
        "plugin:settings:saved",
    ];

    /// <summary>
    /// The event, or null with <paramref name="problem"/> set when the payload is unusable, or null
    /// without a problem when the event is one we do not act on.
    /// </summary>
    public static CrispEvent? Parse(string name, JsonElement payload, out string? problem)
    {
        problem = null;
        if (payload.ValueKind != JsonValueKind.Object)
        {
            problem = $"{name}: payload is {payload.ValueKind}, not an object";
            return null;
        }
        var websiteId = payload.String("website_id");
        if (string.IsNullOrEmpty(websiteId))
        {
            problem = $"{name}: no website_id";
            return null;
        }

        if (name == "plugin:subscription:updated")
        {
            // A missing bound is read as "installed": reloading the list is harmless, dropping a website is not.
            return new SubscriptionUpdated(websiteId, payload.Bool("bound") ?? true);
        }
        if (name == "plugin:settings:saved")
            return null; // Settings are ours (the settings page saves them in SQLite); nothing to do.

        var sessionId = payload.String("session_id");
        if (string.IsNullOrEmpty(sessionId))
        {
            problem = $"{name}: no session_id";
            return null;
        }

        switch (name)
        {
            case "message:send":
                // Crisp's timestamp is not used: the engine measures its latency from the time it heard the message.
                return new MessageSent(websiteId, sessionId, payload.String("origin"), payload.String("from"), payload.String("user", "user_id"));
            case "session:set_phone":
                return Detail("phone", value => new VisitorDetails { Phone = value }, out problem);
            case "session:set_email":
                return Detail("email", value => new VisitorDetails { Email = value }, out problem);
            case "session:set_nickname":
                return Detail("nickname", value => new VisitorDetails { Nickname = value }, out problem);
            case "session:set_origin":
                return Detail("origin", value => new VisitorDetails { Origin = value }, out problem);
            case "session:sync:geolocation":
                return new SessionDetails(websiteId, sessionId, new VisitorDetails
                {
                    Country = payload.String("geolocation", "country"),
                    City = payload.String("geolocation", "city"),
                });
            case "session:removed":
                return new SessionRemoved(websiteId, sessionId);
            default:
                return null;
        }

        CrispEvent? Detail(string property, Func<string, VisitorDetails> details, out string? detailProblem)
        {
            detailProblem = null;
            if (payload.String(property) is { } value)
                return new SessionDetails(websiteId, sessionId, details(value));
            detailProblem = $"{name}: {property} is {payload.Get(property)?.ValueKind.ToString() ?? "missing"}, not a string";
            return null;
        }
    }
}
