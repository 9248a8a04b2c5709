namespace RichContact.Sandbox.Events;

/// <summary>Crisp's event names, as they travel over RTM and web hooks.</summary>
internal static class CrispEvents
{
    public const string MessageSend = "message:send";
    public const string SetNickname = "session:set_nickname";
    public const string SetPhone = "session:set_phone";
    public const string SetEmail = "session:set_email";
    public const string SetOrigin = "session:set_origin";
    public const string SyncGeolocation = "session:sync:geolocation";
    public const string SessionRemoved = "session:removed";
    public const string ProfileCreated = "people:profile:created";
    public const string ProfileUpdated = "people:profile:updated";
    public const string ProfileRemoved = "people:profile:removed";
    public const string SubscriptionUpdated = "plugin:subscription:updated";
    public const string SettingsSaved = "plugin:settings:saved";
}
