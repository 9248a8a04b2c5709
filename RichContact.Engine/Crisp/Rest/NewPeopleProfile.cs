using System.Text.Json.Serialization;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>The body of <c>POST website/{website_id}/people/profile</c>.</summary>
public sealed record NewPeopleProfile(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("person")] NewPerson Person,
    [property: JsonPropertyName("segments")] IReadOnlyList<string> Segments);
