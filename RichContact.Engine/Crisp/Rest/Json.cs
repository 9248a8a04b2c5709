using System.Text.Json;

namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Lenient reads from Crisp's JSON: a missing field or a field of the wrong type is null, never an
/// exception, so one odd payload cannot break the listener or a job.
/// </summary>
internal static class Json
{
    public static JsonElement? Get(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                return null;
        }
        return current;
    }

    public static string? String(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool? Bool(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    public static long? Long(this JsonElement element, params string[] path) =>
        element.Get(path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];
}
