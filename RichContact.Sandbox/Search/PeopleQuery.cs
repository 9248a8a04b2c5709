using System.Text.Json;
using System.Text.Json.Nodes;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Search;

/// <summary>
/// Crisp's people search as a plain string store: <c>eq</c> is an exact match of what is stored (emails
/// case-insensitive), <c>has</c> is "contains" or "has these whole words" as the <see cref="SearchReading"/>
/// says. Phones are never normalised; finding variants is the client's job, as it would be against Crisp.
/// </summary>
internal sealed class PeopleQuery
{
    public IReadOnlyList<PeopleFilter> Filters { get; init; } = [];
    public bool AnyFilter { get; init; }
    public string? Text { get; init; }

    /// <summary>Parses the query string parameters; null when the filter is not valid JSON of the expected shape.</summary>
    public static PeopleQuery? Parse(string? searchFilter, string? searchOperator, string? searchText)
    {
        var filters = new List<PeopleFilter>();
        if (!string.IsNullOrWhiteSpace(searchFilter))
        {
            try
            {
                if (JsonNode.Parse(searchFilter) is not JsonArray array)
                    return null;
                foreach (var item in array)
                {
                    if (item is not JsonObject filter)
                        return null;
                    var criterion = Json.String(filter["criterion"]);
                    var op = Json.String(filter["operator"]);
                    if (criterion is null || op is not ("eq" or "has"))
                        return null;
                    var values = filter["query"] switch
                    {
                        JsonArray list => list.Select(v => Json.String(v) ?? v?.ToJsonString(Json.Wire) ?? "").ToList(),
                        JsonValue single => [Json.String(single) ?? single.ToJsonString(Json.Wire)],
                        _ => [],
                    };
                    filters.Add(new PeopleFilter(criterion, op, values));
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return new PeopleQuery
        {
            Filters = filters,
            AnyFilter = string.Equals(searchOperator, "or", StringComparison.OrdinalIgnoreCase),
            Text = string.IsNullOrWhiteSpace(searchText) ? null : searchText.Trim(),
        };
    }

    public string? ExactEmail() =>
        Text is null && Filters is [{ Criterion: "email", Operator: "eq", Query: [var email] }] ? email.Trim() : null;

    public bool Matches(JsonObject profile, SearchReading reading)
    {
        if (Text is not null && !MatchesText(profile))
            return false;
        if (Filters.Count == 0)
            return true;
        return AnyFilter
            ? Filters.Any(f => reading.Ignores(f) || Matches(profile, f, reading))
            : Filters.All(f => reading.Ignores(f) || Matches(profile, f, reading));
    }

    private bool MatchesText(JsonObject profile) =>
        new[] { Json.String(profile["email"]), Json.String(profile["person"]?["nickname"]), Json.String(profile["person"]?["phone"]) }
            .Any(v => v is not null && v.Contains(Text!, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(JsonObject profile, PeopleFilter filter, SearchReading reading)
    {
        var stored = filter.Criterion switch
        {
            "segments" => profile["segments"] is JsonArray segments ? segments.Select(Json.String).OfType<string>().ToList() : [],
            _ => Lookup(profile, filter.Criterion) is { } value ? [value] : new List<string>(),
        };
        var comparison = ComparisonFor(filter);
        return filter.Query.Any(q => stored.Any(s => filter.Operator == "eq" ? string.Equals(s, q, comparison)
            : reading.Has == HasMatches.Word ? HasWords(s, q)
            : s.Contains(q, comparison)));
    }

    /// <summary>The query's words appear in the stored text as whole words, in the same order.</summary>
    private static bool HasWords(string stored, string query)
    {
        var wanted = Words(query);
        // Cheap first: most stored texts do not even contain the first word (a 600-contact CRM is searched 50 times a second in the bench).
        if (wanted.Length == 0 || !stored.Contains(wanted[0], StringComparison.OrdinalIgnoreCase))
            return false;
        var words = Words(stored);
        for (var start = 0; start + wanted.Length <= words.Length; start++)
        {
            if (wanted.Select((w, i) => w == words[start + i]).All(same => same))
                return true;
        }
        return false;
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    // Emails match whatever their case, and "has" reads as a text search; eq on names, phones and
    // segments compares the stored string exactly.
    private static StringComparison ComparisonFor(PeopleFilter filter) =>
        filter.Criterion == "email" || filter.Operator == "has" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static string? Lookup(JsonObject profile, string path)
    {
        JsonNode? node = profile;
        foreach (var part in path.Split('.'))
            node = node is JsonObject obj ? obj[part] : null;
        return node is JsonValue ? Json.String(node) ?? node.ToJsonString(Json.Wire) : null;
    }
}
