using System.Text.Json;
using Microsoft.Extensions.Logging;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;

namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// What the <c>plugin/connect</c> routes answered last (docs/crisp.md): the RTM endpoint and the ids
/// of the websites that installed the plugin, kept in the data directory
/// (<see cref="DataDirectory.PluginConnectFileName"/>). A process that starts with the daily quota spent connects RTM from it without a REST
/// call, instead of staying deaf until midnight. Ids and an address only: no tokens, no personal data.
/// On PostgreSQL it is a row every node shares (<see cref="NodeState"/>).
/// </summary>
internal sealed class PluginConnectCache(NodeState state, ILogger<PluginConnectCache> logger)
{
    private readonly Lock _gate = new();
    private Saved _saved = new(null, []);

    private sealed record Saved(string? Endpoint, IReadOnlyList<string> Websites);

    /// <summary>The last endpoint and website ids, or nothing when no earlier run saved them.</summary>
    public (RtmEndpoint? Endpoint, IReadOnlyList<string> WebsiteIds) Read()
    {
        try
        {
            if (state.Read(DataDirectory.PluginConnectFileName) is not { } text)
                return (null, []);
            var saved = JsonSerializer.Deserialize<Saved>(text) ?? new(null, []);
            saved = saved with { Websites = saved.Websites ?? [] }; // a hand-edited file may lack it
            lock (_gate) _saved = saved;
            var endpoint = Uri.TryCreate(saved.Endpoint, UriKind.Absolute, out var socket)
                ? new RtmEndpoint(socket)
                : null;
            return (endpoint, saved.Websites);
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not read {File} ({ErrorType}): the RTM endpoint and the websites are asked from Crisp", DataDirectory.PluginConnectFileName, error.GetType().Name);
            return (null, []);
        }
    }

    public void SaveEndpoint(RtmEndpoint endpoint) =>
        Save(saved => saved with { Endpoint = endpoint.Socket.ToString() });

    public void SaveWebsites(IEnumerable<string> websiteIds) =>
        Save(saved => saved with { Websites = websiteIds.Order(StringComparer.Ordinal).ToList() });

    private void Save(Func<Saved, Saved> change)
    {
        lock (_gate)
        {
            var next = change(_saved);
            if (next.Endpoint == _saved.Endpoint && next.Websites.SequenceEqual(_saved.Websites))
                return;
            _saved = next;
            try
            {
                state.Write(DataDirectory.PluginConnectFileName, JsonSerializer.Serialize(next));
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The next start then asks Crisp, as it did before this file existed.
                logger.LogWarning("Could not write {File} ({ErrorType})", DataDirectory.PluginConnectFileName, error.GetType().Name);
            }
        }
    }
}
