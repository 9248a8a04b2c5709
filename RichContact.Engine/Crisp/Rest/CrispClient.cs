using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// The Crisp REST routes Rich Contact uses (docs/crisp.md), as a typed HTTP client. Auth,
/// tier header, retries and the daily budget are configured in <see cref="CrispRegistration"/>; this
/// class knows routes and envelopes. Exceptions never carry URLs or bodies (personal data).
/// </summary>
public sealed class CrispClient(HttpClient http)
{
    /// <summary>Largest page Crisp serves for people search [seen: 20–50]: what we ask for.</summary>
    public const int PeoplePageSize = 50;

    /// <summary>
    /// The smallest page size seen [seen: 20]. Crisp may serve fewer than asked for; only a page
    /// shorter than this is surely the last one (docs/crisp.md).
    /// </summary>
    public const int SmallestPageSeen = 20;

    public async Task<RtmEndpoint> GetRtmEndpointAsync(CancellationToken ct = default)
    {
        var data = await SendAsync("plugin.endpoints", HttpMethod.Get, "plugin/connect/endpoints", null, ct);
        var socket = data.String("socket", "app");
        if (socket is null || !Uri.TryCreate(socket, UriKind.Absolute, out var socketUri))
            throw new CrispApiException("plugin.endpoints", HttpStatusCode.OK, "no_socket_endpoint");
        return new RtmEndpoint(socketUri);
    }

    /// <summary>All websites that installed the plugin, page by page until an empty page.</summary>
    public async Task<IReadOnlyList<SubscribedWebsite>> ListSubscribedWebsitesAsync(CancellationToken ct = default)
    {
        var websites = new List<SubscribedWebsite>();
        for (var page = 1; page <= 1000; page++)
        {
            var data = await SendAsync("plugin.websites", HttpMethod.Get, $"plugin/connect/websites/all/{page}", null, ct);
            var items = data.Items().ToList();
            if (items.Count == 0)
                break;
            websites.AddRange(items
                .Select(i => (Id: i.String("website_id"), Token: i.String("token")))
                .Where(w => w.Id is not null && w.Token is not null)
                .Select(w => new SubscribedWebsite(w.Id!, w.Token!)));
        }
        return websites;
    }

    /// <summary>
    /// Websites that installed or removed the plugin since <paramref name="since"/>: one call, for
    /// refreshing the list after RTM was deaf, instead of reading every page again.
    /// </summary>
    public async Task<IReadOnlyList<SubscribedWebsiteChange>> ListSubscribedWebsitesSinceAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        var date = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        var data = await SendAsync("plugin.websites.since", HttpMethod.Get, $"plugin/connect/websites/since?date_since={date}", null, ct);
        return data.Items()
            .Select(i => (Id: i.String("website_id"), Token: i.String("token"), Difference: i.String("difference")))
            .Where(c => c.Id is not null)
            .Select(c => new SubscribedWebsiteChange(c.Id!, c.Token, IsRemoval(c.Difference)))
            .ToList();
    }

    /// <summary>
    /// [guess] docs/crisp.md: the values of <c>difference</c> are undocumented. The sandbox says
    /// <c>removed</c>; the other words are what a removal could plausibly be called.
    /// </summary>
    private static bool IsRemoval(string? difference) =>
        difference is "removed" or "deleted" or "unsubscribed" or "unbound" or "uninstalled";

    /// <summary>
    /// The website's name and domain (<c>GET website/{website_id}</c>). Crisp may keep this route from
    /// plugins: a refusal surfaces as a <see cref="CrispApiException"/>.
    /// </summary>
    public async Task<CrispWebsite> GetWebsiteAsync(string websiteId, CancellationToken ct = default)
    {
        var data = await SendAsync("website.get", HttpMethod.Get, $"website/{Segment(websiteId)}", null, ct);
        return new CrispWebsite(websiteId, Blank(data.String("name")), Blank(data.String("domain")));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public async Task<VisitorDetails> GetConversationMetaAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        var data = await SendAsync("conversation.meta", HttpMethod.Get,
            $"website/{Segment(websiteId)}/conversation/{Segment(sessionId)}/meta", null, ct);
        return VisitorDetails.FromMeta(data);
    }

    /// <summary>
    /// The <c>user.user_id</c> of the visitor's messages in the conversation's latest page of messages
    /// (<c>GET conversation/{session_id}/messages</c>), or null when none carries one: what RTM would have
    /// told of a conversation nobody heard (docs/crisp.md).
    /// </summary>
    public async Task<string?> GetVisitorUserIdAsync(string websiteId, string sessionId, CancellationToken ct = default)
    {
        var data = await SendAsync("conversation.messages", HttpMethod.Get,
            $"website/{Segment(websiteId)}/conversation/{Segment(sessionId)}/messages", null, ct);
        if (data.ValueKind != JsonValueKind.Array)
            return null;
        return data.EnumerateArray()
            .Where(message => message.ValueKind == JsonValueKind.Object && message.String("from") == "user")
            .Select(message => message.String("user", "user_id"))
            .FirstOrDefault(userId => !string.IsNullOrWhiteSpace(userId));
    }

    /// <summary>
    /// Conversations of a website created since <paramref name="since"/>, newest first, at most
    /// <paramref name="maxPages"/> pages: their session id and origin.
    /// </summary>
    public async Task<IReadOnlyList<(string SessionId, string? Origin)>> ListConversationsAsync(string websiteId, DateTimeOffset since,
        DateTimeOffset until, int maxPages, CancellationToken ct = default)
    {
        var conversations = new List<(string, string?)>();
        for (var page = 1; page <= maxPages; page++)
        {
            var listed = await ListConversationsPageAsync(websiteId, since, until, page, ct);
            conversations.AddRange(listed.Conversations.Select(c => (c.SessionId, c.Origin)));
            if (listed.IsLast)
                break;
        }
        return conversations;
    }

    /// <summary>
    /// One page (from 1) of a website's conversations created between <paramref name="since"/> and
    /// <paramref name="until"/>. The end pins the list, so conversations created while we page do not shift the pages.
    /// </summary>
    public async Task<ConversationPage> ListConversationsPageAsync(string websiteId, DateTimeOffset since, DateTimeOffset until, int page,
        CancellationToken ct = default)
    {
        var start = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        var end = Uri.EscapeDataString(until.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
        var data = await SendAsync("conversations.list", HttpMethod.Get,
            $"website/{Segment(websiteId)}/conversations/{page}?per_page={PeoplePageSize}&filter_date_start={start}&filter_date_end={end}", null, ct);
        var items = data.Items().ToList();
        var conversations = items
            .Select(i => (SessionId: i.String("session_id"), Origin: i.String("meta", "origin"), CreatedAt: i.Long("created_at")))
            .Where(c => c.SessionId is not null)
            .Select(c => new ListedConversation(c.SessionId!, c.Origin,
                c.CreatedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null))
            .ToList();
        return new ConversationPage(conversations, IsLast: items.Count < SmallestPageSeen);
    }

    /// <summary>One page of people profiles matching <paramref name="filters"/> combined with <paramref name="searchOperator"/>.</summary>
    public async Task<IReadOnlyList<PeopleProfile>> SearchPeopleAsync(string websiteId, IReadOnlyList<PeopleFilter> filters,
        string searchOperator, int page, CancellationToken ct = default)
    {
        var filter = Uri.EscapeDataString(JsonSerializer.Serialize(filters));
        var data = await SendAsync("people.search", HttpMethod.Get,
            $"website/{Segment(websiteId)}/people/profiles/{page}?per_page={PeoplePageSize}&search_operator={searchOperator}&search_filter={filter}", null, ct);
        return data.Items().Select(PeopleProfile.From).OfType<PeopleProfile>().ToList();
    }

    /// <summary>
    /// A profile read by its people_id or its email, or null when there is none. Unlike search,
    /// a read answers from the profile itself, so a profile created a moment ago is there.
    /// </summary>
    public async Task<PeopleProfile?> GetPeopleProfileAsync(string websiteId, string peopleIdOrEmail, CancellationToken ct = default)
    {
        try
        {
            var data = await SendAsync("people.get", HttpMethod.Get, $"website/{Segment(websiteId)}/people/profile/{Segment(peopleIdOrEmail)}", null, ct);
            return PeopleProfile.From(data);
        }
        catch (CrispApiException error) when (error.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Sets a profile's email and nothing else (PATCH). A 409 (the email belongs to another profile)
    /// surfaces as a <see cref="CrispApiException"/> with <c>IsConflict</c>.
    /// </summary>
    public async Task UpdatePeopleProfileEmailAsync(string websiteId, string peopleId, string email, CancellationToken ct = default) =>
        await SendAsync("people.update", HttpMethod.Patch, $"website/{Segment(websiteId)}/people/profile/{Segment(peopleId)}",
            JsonContent.Create(new { email }), ct);

    /// <summary>Stops (or restarts) email campaigns to a profile: PATCH <c>people/subscription/{people_id}</c> with <c>{"email": …}</c>.</summary>
    public async Task SetEmailSubscriptionAsync(string websiteId, string peopleId, bool subscribed, CancellationToken ct = default) =>
        await SendAsync("people.subscription", HttpMethod.Patch, $"website/{Segment(websiteId)}/people/subscription/{Segment(peopleId)}",
            JsonContent.Create(new { email = subscribed }), ct);

    /// <summary>Adds a line to a profile's timeline: POST <c>people/events/{people_id}</c> with <c>{"text": …, "color": …}</c>.</summary>
    public async Task AddPeopleEventAsync(string websiteId, string peopleId, string text, string color, CancellationToken ct = default) =>
        await SendAsync("people.event", HttpMethod.Post, $"website/{Segment(websiteId)}/people/events/{Segment(peopleId)}",
            JsonContent.Create(new { text, color }), ct);

    /// <summary>Creates a profile and returns its people_id. A 409 (email taken) surfaces as a <see cref="CrispApiException"/> with <c>IsConflict</c>.</summary>
    public async Task<string> CreatePeopleProfileAsync(string websiteId, NewPeopleProfile profile, CancellationToken ct = default)
    {
        var data = await SendAsync("people.create", HttpMethod.Post, $"website/{Segment(websiteId)}/people/profile",
            JsonContent.Create(profile), ct);
        return data.String("people_id") ?? throw new CrispApiException("people.create", HttpStatusCode.OK, "no_people_id");
    }

    private async Task<JsonElement> SendAsync(string operation, HttpMethod method, string path, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Options.Set(CrispRequestCounting.Operation, operation);
        using var response = await http.SendAsync(request, ct);
        var envelope = await ReadEnvelopeAsync(response, ct);

        var reason = envelope?.String("reason");
        if (!response.IsSuccessStatusCode || envelope?.Bool("error") == true)
            throw new CrispApiException(operation, response.StatusCode, reason);
        return envelope?.Get("data") ?? default;
    }

    private static async Task<JsonElement?> ReadEnvelopeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not Crisp's envelope (a proxy's HTML error page...): the status code says enough.
            return null;
        }
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
