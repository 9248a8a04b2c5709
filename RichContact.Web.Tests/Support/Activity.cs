using RichContact.Engine.Activity;

namespace RichContact.Web.Tests.Support;

/// <summary>Activity entries as the engine records them (ids only, never personal data).</summary>
public static class Activity
{
    public static ActivityEntry Entry(string website = "website-1", string channel = "whatsapp",
        ActivityOutcome outcome = ActivityOutcome.Created, string? session = null, string? people = null,
        long? elapsedMs = 1500, int restCalls = 3, DateTimeOffset? at = null) => new()
    {
        WebsiteId = website,
        SessionId = session ?? $"session_{Guid.NewGuid():n}",
        Channel = channel,
        Outcome = outcome,
        PeopleId = people ?? (outcome is ActivityOutcome.Created or ActivityOutcome.Existing ? Guid.NewGuid().ToString() : null),
        ElapsedMs = elapsedMs,
        RestCalls = restCalls,
        At = at ?? DateTimeOffset.UtcNow,
    };
}
