using RichContact.Sandbox.State;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Rtm;

/// <summary>
/// Engine.IO / Socket.IO text packets. Engine.IO: 0 open, 1 close, 2 ping, 3 pong, 4 message; a message
/// carries a Socket.IO packet: 0 connect, 1 disconnect, 2 event, 4 connect error.
/// </summary>
internal static class EnginePackets
{
    public const string Ping = "2";
    public const string Pong = "3";
    public const string Connected = "40";
    public const string Disconnect = "41";

    public static string Open(string sid, int pingIntervalMs, int pingTimeoutMs) =>
        "0" + new JsonObject
        {
            ["sid"] = sid,
            ["upgrades"] = new JsonArray(),
            ["pingInterval"] = pingIntervalMs,
            ["pingTimeout"] = pingTimeoutMs,
            ["maxPayload"] = 1_000_000,
        }.ToJsonString(Json.Wire);

    public static string ConnectedV4(string socketId) => "40" + new JsonObject { ["sid"] = socketId }.ToJsonString(Json.Wire);

    public static string ConnectError(string nsp, string message) =>
        "44" + nsp + "," + new JsonObject { ["message"] = message }.ToJsonString(Json.Wire);

    public static string Event(string name, JsonNode? data) =>
        "42" + new JsonArray(name, data?.DeepClone()).ToJsonString(Json.Wire);

    /// <summary>Splits <c>2[/nsp,][ackId][json]</c> (already stripped of the Engine.IO "4").</summary>
    public static (string? Name, JsonNode? Data) ParseEvent(string packet)
    {
        var rest = packet.AsSpan(1);
        if (rest.Length > 0 && rest[0] == '/')
        {
            var comma = rest.IndexOf(',');
            rest = comma < 0 ? [] : rest[(comma + 1)..];
        }
        var i = 0;
        while (i < rest.Length && char.IsAsciiDigit(rest[i]))
            i++;
        try
        {
            if (JsonNode.Parse(rest[i..].ToString()) is JsonArray { Count: > 0 } array)
                return (array[0]?.GetValue<string>(), array.Count > 1 ? array[1] : null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
        }
        return (null, null);
    }
}
