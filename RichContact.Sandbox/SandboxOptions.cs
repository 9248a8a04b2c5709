using RichContact.Sandbox.Search;

namespace RichContact.Sandbox;

/// <summary>
/// The seeded plugin identity and the sandbox's behaviour, bound from <see cref="Section"/>
/// (<see cref="SandboxServiceCollectionExtensions.AddSandboxOptions"/>) and checked by <see cref="SandboxOptionsValidator"/>.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "RichContact:Sandbox";

    public const string DefaultIdentifier = "6b0a9f2e-1c4d-4e8a-9b3f-5d7e2a1c0f01";
    public const string DefaultKey = "5a1d9c3b7e2f4a6c8b0d1e3f5a7c9b2d4e6f8a0c1b3d5e7f9a2c4e6b8d0f1a3c";
    public const string DefaultPluginId = "f3e8b2a1-7c6d-4b5e-9a0f-1d2c3b4a5e6f";
    public const string DefaultHookSecret = "0f4c8e2a6b1d3f5e7a9c0b2d4e6f8a1c";

    public string Identifier { get; set; } = DefaultIdentifier;
    public string Key { get; set; } = DefaultKey;
    public string PluginId { get; set; } = DefaultPluginId;
    public List<SandboxWebsite> Websites { get; set; } = DefaultWebsites();
    public string? HookUrl { get; set; }
    public string? HookSecret { get; set; } = DefaultHookSecret;

    /// <summary>Engine.IO heartbeat; Socket.IO servers default to 25 s / 20 s.</summary>
    public int PingIntervalMs { get; set; } = 25_000;
    public int PingTimeoutMs { get; set; } = 20_000;

    /// <summary>Crisp refuses a <c>socket:bind</c> that comes sooner than this after the previous bind.</summary>
    public int SocketBindIntervalMs { get; set; } = 2_500;

    /// <summary>How people search answers where Crisp's documentation is silent (a new instance: the binder fills it in place).</summary>
    public SearchReading Search { get; set; } = new();

    /// <summary>
    /// How <c>GET website/{website_id}</c> answers a plugin token (<see cref="WebsiteRouteReadings.Answered"/> or
    /// <see cref="WebsiteRouteReadings.Refused"/>): Crisp documents the route, not whether a plugin may read it (docs/crisp.md).
    /// </summary>
    public string WebsiteRoute { get; set; } = WebsiteRouteReadings.Answered;

    /// <summary>
    /// How <c>PATCH website/{website_id}/people/subscription/{people_id}</c> answers a plugin token
    /// (<see cref="PeopleSubscriptionReadings.Answered"/> or <see cref="PeopleSubscriptionReadings.Refused"/>):
    /// the route is in Crisp's official clients, what a plugin may do with it is not (docs/crisp.md).
    /// </summary>
    public string PeopleSubscription { get; set; } = PeopleSubscriptionReadings.Answered;

    /// <summary>
    /// How <c>GET website/{website_id}/conversation/{session_id}/messages</c> answers a plugin token
    /// (<see cref="ConversationMessagesReadings.Answered"/>, <see cref="ConversationMessagesReadings.Refused"/>: 403, or
    /// <see cref="ConversationMessagesReadings.NotFound"/>: 404): the route is documented, whether the plugin's scopes
    /// let it read a conversation's messages is not (docs/crisp.md).
    /// </summary>
    public string ConversationMessages { get; set; } = ConversationMessagesReadings.Answered;

    /// <summary>
    /// What the <c>user.user_id</c> of a visitor's messages holds (<see cref="PhonelessIdentityReadings.StableUserId"/>:
    /// the person's id on the channel, <see cref="StartConversationRequest.ChannelUserId"/>;
    /// <see cref="PhonelessIdentityReadings.ConversationOnly"/>: the session id; <see cref="PhonelessIdentityReadings.None"/>:
    /// nothing). Crisp shows the field, not what its Instagram or Messenger integrations put in it (docs/crisp.md).
    /// </summary>
    public string PhonelessIdentity { get; set; } = PhonelessIdentityReadings.ConversationOnly;

    /// <summary>
    /// What <c>filter_date_start/end</c> of the conversation list filter on (<see cref="ConversationListFilters.Created"/>:
    /// the creation date; <see cref="ConversationListFilters.Updated"/>: the last activity;
    /// <see cref="ConversationListFilters.Ignored"/>: nothing, every conversation is listed). Crisp documents the
    /// parameters, not which date they compare (docs/crisp.md).
    /// </summary>
    public string ConversationListFilter { get; set; } = ConversationListFilters.Created;

    /// <summary>Contacts each website's CRM starts with, as agents make them by hand: phones typed every way people type them.</summary>
    public int PrefilledContacts { get; set; }

    /// <summary>
    /// Conversations each website already had before the plugin was installed, spread over the last 30
    /// days and heard by nobody: what "create contacts for past conversations" finds.
    /// </summary>
    public int PastConversations { get; set; }

    /// <summary>
    /// How a failed Web Hooks delivery is sent again (<see cref="Hooks.HookRedeliveries.Same"/>: the same
    /// timestamp and signature; <see cref="Hooks.HookRedeliveries.Fresh"/>: signed anew at its new time).
    /// Crisp documents the retries, not which (docs/crisp.md).
    /// </summary>
    public string HookRedelivery { get; set; } = Hooks.HookRedeliveries.Same;

    public int HookAttemptLimit { get; set; } = 3;
    public int HookRetryDelayMs { get; set; } = 1_000;

    public static List<SandboxWebsite> DefaultWebsites() =>
    [
        new() { Id = "8c1f4f4e-2d3a-4b5c-9e6f-7a8b9c0d1e2f", Token = "d7e1c2b3a4f5e6d7c8b9a0f1e2d3c4b5", Name = "Demo Shop", Domain = "shop.example.com" },
        new() { Id = "2e9d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", Token = "a1b2c3d4e5f60718293a4b5c6d7e8f90", Name = "Demo Clinic", Domain = "clinic.example.com" },
        new() { Id = "5b3a1c9d-8e7f-4a6b-b5c4-d3e2f1a0b9c8", Token = "f0e9d8c7b6a5948372615a4b3c2d1e0f", Name = "Demo Travel", Domain = "travel.example.com" },
    ];
}
