using Microsoft.Extensions.Logging.Abstractions;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Nodes;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rtm;

public sealed class PluginConnectCacheTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private PluginConnectCache Cache() =>
        new(NodeState.InDataDirectory(new DataDirectory(_data.Path)), NullLogger<PluginConnectCache>.Instance);

    [Fact]
    public void Endpoint_and_website_ids_survive_a_restart_and_no_token_is_written()
    {
        var cache = Cache();
        cache.SaveEndpoint(new RtmEndpoint(new Uri("wss://app.relay.crisp.chat/p/68/")));
        cache.SaveWebsites(["website-2", "website-1"]);

        var (endpoint, websiteIds) = Cache().Read();

        Assert.Equal(new Uri("wss://app.relay.crisp.chat/p/68/"), endpoint?.Socket);
        Assert.Equal(["website-1", "website-2"], websiteIds);
        Assert.Equal([DataDirectory.PluginConnectFileName], Directory.GetFiles(_data.Path).Select(Path.GetFileName)); // no temporary file left
        Assert.DoesNotContain("token", File.ReadAllText(Path.Combine(_data.Path, DataDirectory.PluginConnectFileName)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Missing_or_broken_file_means_asking_crisp()
    {
        Assert.Null(Cache().Read().Endpoint);
        File.WriteAllText(Path.Combine(_data.Path, DataDirectory.PluginConnectFileName), "{ half a fi");

        var (endpoint, websiteIds) = Cache().Read();

        Assert.Null(endpoint);
        Assert.Empty(websiteIds);
    }
}
