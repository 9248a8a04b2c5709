using RichContact.Sandbox.State;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Rest;

/// <summary>Crisp's response envelope <c>{error, reason, data}</c>.</summary>
internal static class Envelope
{
    public static IResult Ok(JsonNode? data, string reason = "resolved") => Result(StatusCodes.Status200OK, false, reason, data);

    public static IResult Error(int status, string reason) => Result(status, true, reason, new JsonObject());

    public static IResult NotFound(string reason = "not_found") => Error(StatusCodes.Status404NotFound, reason);

    public static IResult InvalidData() => Error(StatusCodes.Status400BadRequest, "invalid_data");

    public static Task WriteErrorAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        if (HttpMethods.IsHead(context.Request.Method))
            return Task.CompletedTask;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Body(true, reason, new JsonObject()));
    }

    /// <summary>The request body as a JSON object, or null when it is missing or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Result(int status, bool error, string reason, JsonNode? data) =>
        Results.Text(Body(error, reason, data), "application/json; charset=utf-8", statusCode: status);

    private static string Body(bool error, string reason, JsonNode? data) =>
        new JsonObject { ["error"] = error, ["reason"] = reason, ["data"] = data?.DeepClone() }.ToJsonString(Json.Wire);
}
