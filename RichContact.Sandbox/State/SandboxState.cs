using System.Collections.Concurrent;
using RichContact.Sandbox.Search;

namespace RichContact.Sandbox.State;

/// <summary>Everything the sandbox knows, in memory: subscribed websites and a session index across them.</summary>
internal sealed class SandboxState
{
    private readonly ConcurrentDictionary<string, WebsiteState> _websites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Conversation> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string WebsiteId, long At)> _unsubscribed = new();
    private long _order;

    public SandboxState(SandboxOptions options)
    {
        Options = options;
        Search = options.Search;
        WebsiteRouteRefused = options.WebsiteRoute == WebsiteRouteReadings.Refused;
        foreach (var website in options.Websites)
        {
            var state = Subscribe(website.Id, website.Token, website.Name, website.Domain);
            foreach (var profile in HandMadeContacts.Generate(options.PrefilledContacts, seed: (int)state.Order))
                state.People.Create(profile);
            Conversations.PastConversations.Prefill(this, state.Id, options.PastConversations, Conversations.PastConversations.DefaultDays,
                seed: (int)state.Order, DateTimeOffset.UtcNow);
        }
    }

    public SandboxOptions Options { get; }
    public RequestLog Requests { get; } = new();
    public FaultState Faults { get; } = new();

    /// <summary>How people search answers now (<c>PUT /_sandbox/search</c> replaces it).</summary>
    public SearchReading Search { get => Volatile.Read(ref _search); set => Volatile.Write(ref _search, value); }
    private SearchReading _search = SearchReading.Default;

    /// <summary>Whether <c>GET website/{website_id}</c> refuses the plugin tier now (<c>PUT /_sandbox/website-route</c> changes it).</summary>
    public bool WebsiteRouteRefused { get => Volatile.Read(ref _websiteRouteRefused); set => Volatile.Write(ref _websiteRouteRefused, value); }
    private bool _websiteRouteRefused;

    public WebsiteState? Website(string websiteId) => _websites.GetValueOrDefault(websiteId);

    /// <summary>Websites in the order they installed the plugin, so that pages are stable.</summary>
    public List<WebsiteState> Websites() => _websites.Values.OrderBy(w => w.Order).ToList();

    public WebsiteState Subscribe(string websiteId, string token, string? name, string? domain = null) =>
        _websites.GetOrAdd(websiteId, id => new WebsiteState(id, token, name, domain, Interlocked.Increment(ref _order)));

    public bool Unsubscribe(string websiteId)
    {
        if (!_websites.TryRemove(websiteId, out _))
            return false;
        _unsubscribed.Enqueue((websiteId, UnixTime.NowMs()));
        return true;
    }

    /// <summary>Websites that removed the plugin, with when, for <c>websites/since</c>.</summary>
    public IEnumerable<(string WebsiteId, long At)> Unsubscribed => _unsubscribed;

    public void Add(Conversation conversation)
    {
        _sessions[conversation.SessionId] = conversation;
        Website(conversation.WebsiteId)?.Conversations.TryAdd(conversation.SessionId, conversation);
    }

    public Conversation? Session(string sessionId) => _sessions.GetValueOrDefault(sessionId);

    public Conversation? RemoveSession(string sessionId)
    {
        if (!_sessions.TryRemove(sessionId, out var conversation))
            return null;
        Website(conversation.WebsiteId)?.Conversations.TryRemove(sessionId, out _);
        return conversation;
    }
}
