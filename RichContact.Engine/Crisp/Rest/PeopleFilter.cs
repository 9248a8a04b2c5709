using System.Text.Json.Serialization;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>One criterion of a people search (<c>search_filter</c>, docs/crisp.md).</summary>
public sealed record PeopleFilter(
    [property: JsonPropertyName("criterion")] string Criterion,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("query")] IReadOnlyList<string> Query)
{
    [JsonPropertyName("model")]
    public string Model => "people";
}
