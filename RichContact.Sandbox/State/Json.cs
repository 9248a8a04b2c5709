using System.Text.Json.Nodes;

namespace RichContact.Sandbox.State;

internal static class Json
{
    /// <summary>Crisp writes "+" and accented letters as they are; so does the sandbox.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Wire = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>PATCH semantics: objects merge key by key, anything else replaces, null removes.</summary>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
                Merge(targetObject, patchObject);
            else
                target[key] = value.DeepClone();
        }
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
