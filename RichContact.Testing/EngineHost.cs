using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RichContact.Engine;

namespace RichContact.Testing;

/// <summary>The engine as the web app composes it, in a generic host over a real data directory.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<EngineHost> StartAsync(string dataDirectory, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = dataDirectory,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRichContactEngine(builder.Configuration);
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
