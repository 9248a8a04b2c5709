using System.Text.Json.Serialization;

namespace RichContact.Engine.Crisp.Rest;

public sealed record NewGeolocation(
    [property: JsonPropertyName("country"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Country,
    [property: JsonPropertyName("city"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? City);
