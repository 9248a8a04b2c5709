using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.State;

/// <summary>One website that installed the plugin: its name and domain, its token, plugin settings, people profiles and conversations.</summary>
internal sealed class WebsiteState(string id, string token, string? name, string? domain, long order)
{
    private readonly Lock _settingsLock = new();
    private JsonObject _settings = new();

    public string Id { get; } = id;
    public string Token { get; } = token;
    public string? Name { get; } = name;
    public string? Domain { get; } = domain;
    public long Order { get; } = order;
    public long SubscribedAt { get; } = UnixTime.NowMs();
    public PeopleBook People { get; } = new();
    public PeopleExtras Extras { get; } = new();
    public ConcurrentDictionary<string, Conversation> Conversations { get; } = new();

    /// <summary>How its people-profile creates are answered now (<see cref="PeopleLimitReadings"/>); switched at run time, as a plan's limit is reached or lifted.</summary>
    public string PeopleLimit { get; set; } = PeopleLimitReadings.None;

    public JsonObject Settings
    {
        get { lock (_settingsLock) return (JsonObject)_settings.DeepClone(); }
    }

    public JsonObject ReplaceSettings(JsonObject settings)
    {
        lock (_settingsLock)
        {
            _settings = (JsonObject)settings.DeepClone();
            return (JsonObject)_settings.DeepClone();
        }
    }

    public JsonObject MergeSettings(JsonObject patch)
    {
        lock (_settingsLock)
        {
            Json.Merge(_settings, patch);
            return (JsonObject)_settings.DeepClone();
        }
    }
}
