using System.Text.Json.Serialization;

namespace RichContact.Engine.Crisp.Rest;

public sealed record NewPerson(
    [property: JsonPropertyName("nickname"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nickname,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone,
    [property: JsonPropertyName("geolocation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NewGeolocation? Geolocation);
