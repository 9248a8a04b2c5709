using System.Text.Json.Nodes;
using RichContact.Sandbox.State;

namespace RichContact.Sandbox.Rtm;

/// <summary>The Socket.IO endpoint advertised by <c>GET /v1/plugin/connect/endpoints</c>. WebSocket transport only, as Crisp's clients use.</summary>
internal static class RtmEndpoint
{
    public static void MapRtm(this IEndpointRouteBuilder app) => app.Map("/p/{relay:int}/", HandleAsync);

    private static async Task HandleAsync(int relay, HttpContext context, SandboxState state, RtmRelays relays, RtmHub hub, IHostApplicationLifetime lifetime)
    {
        // An address no longer advertised (the endpoint moved): that relay does not know the plugin any more.
        if (!relays.Serves(relay, context.Connection.LocalPort))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (state.Faults.RefusesRtm)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        var query = context.Request.Query;
        if (!context.WebSockets.IsWebSocketRequest || query["transport"] != "websocket")
        {
            await EngineErrorAsync(context, 0, "Transport unknown");
            return;
        }
        if (!int.TryParse(query["EIO"], out var eio) || eio is not (3 or 4))
        {
            await EngineErrorAsync(context, 5, "Unsupported protocol version");
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new RtmConnection(socket, eio, state, "ws://" + context.Request.Host + RtmRelays.PathOf(relay));
        hub.Add(connection);
        try
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await connection.RunAsync(stopping.Token);
        }
        finally
        {
            hub.Remove(connection);
        }
    }

    private static Task EngineErrorAsync(HttpContext context, int code, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString(Json.Wire));
    }
}
