using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RichContact.Sandbox.Rtm;

/// <summary>The open RTM sockets; fans each event out to the sockets that listed it.</summary>
internal sealed class RtmHub
{
    private readonly ConcurrentDictionary<string, RtmConnection> _connections = new();

    public void Add(RtmConnection connection) => _connections[connection.Sid] = connection;

    public void Remove(RtmConnection connection) => _connections.TryRemove(connection.Sid, out _);

    public IReadOnlyCollection<RtmConnection> Connections => _connections.Values.ToList();

    public void Deliver(string websiteId, string name, JsonObject payload, bool requiresBinding)
    {
        string? packet = null;
        foreach (var connection in _connections.Values)
        {
            if (!connection.Wants(name, websiteId, requiresBinding))
                continue;
            packet ??= EnginePackets.Event(name, payload);
            connection.Send(packet);
        }
    }

    public int DropAll()
    {
        var connections = _connections.Values.ToList();
        foreach (var connection in connections)
            connection.Drop();
        return connections.Count;
    }
}
