using System.Text.Json.Nodes;
using RichContact.Sandbox.Search;

namespace RichContact.Sandbox;

/// <summary>A typed client of the sandbox's control API (<c>/_sandbox/</c>).</summary>
public sealed class SandboxControl(HttpClient http)
{
    public async Task<string> StartConversationAsync(StartConversationRequest request, CancellationToken ct = default) =>
        (await PostAsync<StartedConversation>("_sandbox/conversations", request, ct)).SessionId;

    public Task<SentMessage> SendMessageAsync(string sessionId, string content, CancellationToken ct = default) =>
        PostAsync<SentMessage>($"_sandbox/conversations/{Uri.EscapeDataString(sessionId)}/messages", new SendMessageRequest { Content = content }, ct);

    /// <summary>The visitor gives details later (emits <c>session:set_*</c> for each one given).</summary>
    public async Task SetDetailsAsync(string sessionId, ConversationDetailsRequest request, CancellationToken ct = default)
    {
        using var response = await http.PatchAsync($"_sandbox/conversations/{Uri.EscapeDataString(sessionId)}",
            JsonContent.Create(request, options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Edits a profile as an agent would in Crisp's dashboard (PATCH semantics).</summary>
    public async Task UpdateProfileAsync(string websiteId, string peopleId, JsonObject patch, CancellationToken ct = default)
    {
        using var response = await http.PatchAsync($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/profiles/{Uri.EscapeDataString(peopleId)}",
            JsonContent.Create(patch, options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Deletes the conversation (emits <c>session:removed</c>).</summary>
    public async Task RemoveConversationAsync(string sessionId, CancellationToken ct = default) =>
        (await http.DeleteAsync($"_sandbox/conversations/{Uri.EscapeDataString(sessionId)}", ct)).EnsureSuccessStatusCode();

    /// <summary>Every people profile of the website, in the people API's shape.</summary>
    public async Task<IReadOnlyList<JsonObject>> ProfilesAsync(string websiteId, CancellationToken ct = default)
    {
        var array = await http.GetFromJsonAsync<JsonArray>($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/profiles", ct);
        return array!.OfType<JsonObject>().ToList();
    }

    /// <summary>Whether the profile still receives email campaigns, and the events on its timeline.</summary>
    public async Task<JsonObject> PeopleExtrasAsync(string websiteId, string peopleId, CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<JsonObject>($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/people/{Uri.EscapeDataString(peopleId)}/extras", ct))!;

    /// <summary>Seeds a profile as a person would have made it by hand in Crisp (phones in any format). Returns its people_id.</summary>
    public async Task<string> SeedProfileAsync(string websiteId, JsonObject profile, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/profiles", profile, SandboxJson.Options, ct);
        response.EnsureSuccessStatusCode();
        var envelope = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        return envelope!["data"]!["people_id"]!.GetValue<string>();
    }

    /// <summary>Adds <paramref name="count"/> hand-made contacts to the website's CRM.</summary>
    public Task<JsonObject> PrefillProfilesAsync(string websiteId, int count, int? seed = null, CancellationToken ct = default) =>
        PostAsync<JsonObject>($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/profiles/prefill", new PrefillRequest { Count = count, Seed = seed }, ct);

    /// <summary>Adds <paramref name="count"/> conversations dated over the last <paramref name="days"/> days, heard by nobody; returns the website's conversation count.</summary>
    public async Task<int> PrefillPastConversationsAsync(string websiteId, int count, int days = 30, int? seed = null, CancellationToken ct = default) =>
        (await PostAsync<JsonObject>($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/conversations/prefill",
            new PastConversationsRequest { Count = count, Days = days, Seed = seed }, ct))["count"]!.GetValue<int>();

    /// <summary>Sets how people search answers from now on (one reading of what Crisp leaves undocumented).</summary>
    public async Task SetSearchAsync(SearchReading reading, CancellationToken ct = default)
    {
        using var response = await http.PutAsync("_sandbox/search", JsonContent.Create(reading, options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Makes <c>GET website/{website_id}</c> refuse the plugin tier (403), or answer again.</summary>
    public async Task SetWebsiteRouteAsync(string reading, CancellationToken ct = default)
    {
        using var response = await http.PutAsync("_sandbox/website-route", JsonContent.Create(new WebsiteRouteReading(reading), options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Makes the website's people-profile creates refused as under <paramref name="reading"/> (<see cref="PeopleLimitReadings"/>), or answered again (<see cref="PeopleLimitReadings.None"/>).</summary>
    public async Task SetPeopleLimitAsync(string websiteId, string reading, CancellationToken ct = default)
    {
        using var response = await http.PutAsync($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}/people-limit",
            JsonContent.Create(new PeopleLimitReading(reading), options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
    }

    public async Task<SandboxRequestCounts> RequestsAsync(CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<SandboxRequestCounts>("_sandbox/requests", SandboxJson.Options, ct))!;

    public async Task ResetRequestsAsync(CancellationToken ct = default) =>
        (await http.DeleteAsync("_sandbox/requests", ct)).EnsureSuccessStatusCode();

    public Task<SubscribedWebsite> SubscribeWebsiteAsync(SubscribeWebsiteRequest? request = null, CancellationToken ct = default) =>
        PostAsync<SubscribedWebsite>("_sandbox/websites", request ?? new SubscribeWebsiteRequest(), ct);

    public async Task UnsubscribeWebsiteAsync(string websiteId, CancellationToken ct = default) =>
        (await http.DeleteAsync($"_sandbox/websites/{Uri.EscapeDataString(websiteId)}", ct)).EnsureSuccessStatusCode();

    public async Task<SandboxHookCounts> HooksAsync(CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<SandboxHookCounts>("_sandbox/hooks", SandboxJson.Options, ct))!;

    /// <summary>Injects failures; returns how many RTM sockets were dropped.</summary>
    public async Task<int> FaultsAsync(SandboxFaults faults, CancellationToken ct = default) =>
        (await PostAsync<JsonObject>("_sandbox/faults", faults, ct))["dropped_sockets"]!.GetValue<int>();

    public async Task ClearFaultsAsync(CancellationToken ct = default) =>
        (await http.DeleteAsync("_sandbox/faults", ct)).EnsureSuccessStatusCode();

    public async Task<IReadOnlyList<SandboxSocket>> SocketsAsync(CancellationToken ct = default) =>
        (await http.GetFromJsonAsync<List<SandboxSocket>>("_sandbox/sockets", SandboxJson.Options, ct))!;

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, JsonContent.Create(body, body.GetType(), options: SandboxJson.Options), ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(SandboxJson.Options, ct))!;
    }
}
