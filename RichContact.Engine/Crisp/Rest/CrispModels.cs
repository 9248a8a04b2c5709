using System.Text.Json;
using System.Text.Json.Serialization;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>Where the RTM socket lives (<c>GET plugin/connect/endpoints</c>).</summary>
public sealed record RtmEndpoint(Uri Socket, Uri? Rescue);

/// <summary>One item of <c>plugin/connect/websites/since</c>: an install (with its token) or a removal.</summary>
public sealed record SubscribedWebsiteChange(string WebsiteId, string? Token, bool Removed);

/// <summary>A website as <c>GET website/{website_id}</c> describes it: what the portal shows instead of its id.</summary>
public sealed record CrispWebsite(string WebsiteId, string? Name, string? Domain);

/// <summary>A conversation as the conversation list shows it: ids, origin and when it was created (<c>created_at</c>, ms), nothing personal.</summary>
public sealed record ListedConversation(string SessionId, string? Origin, DateTimeOffset? CreatedAt);

/// <summary>One page of <c>website/{website_id}/conversations/{page}</c>; a page shorter than the smallest seen is the last.</summary>
public sealed record ConversationPage(IReadOnlyList<ListedConversation> Conversations, bool IsLast);

/// <summary>A people profile as far as dedup needs it.</summary>
public sealed record PeopleProfile(string PeopleId, string? Email, string? Phone)
{
    internal static PeopleProfile? From(JsonElement item) =>
        item.String("people_id") is { } id ? new PeopleProfile(id, item.String("email"), item.String("person", "phone")) : null;
}

/// <summary>The body of <c>POST website/{website_id}/people/profile</c>.</summary>
public sealed record NewPeopleProfile(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("person")] NewPerson Person,
    [property: JsonPropertyName("segments")] IReadOnlyList<string> Segments);

public sealed record NewPerson(
    [property: JsonPropertyName("nickname"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nickname,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone,
    [property: JsonPropertyName("geolocation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NewGeolocation? Geolocation);

public sealed record NewGeolocation(
    [property: JsonPropertyName("country"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Country,
    [property: JsonPropertyName("city"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? City);

/// <summary>One criterion of a people search (<c>search_filter</c>, docs/crisp.md).</summary>
public sealed record PeopleFilter(
    [property: JsonPropertyName("criterion")] string Criterion,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("query")] IReadOnlyList<string> Query)
{
    [JsonPropertyName("model")]
    public string Model => "people";
}
