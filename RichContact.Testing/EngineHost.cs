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
        Compose(builder.Services, builder.Configuration, dataDirectory, settings);
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host);
    }

    /// <summary>
    /// The engine's services over a data directory and settings, as every test fixture that hosts the
    /// engine composes them (this host, the web tests' component context).
    /// </summary>
    public static void Compose(IServiceCollection services, IConfigurationManager configuration, string dataDirectory,
        IDictionary<string, string?>? settings = null)
    {
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = dataDirectory,
        });
        if (settings is not null)
            configuration.AddInMemoryCollection(settings);
        services.AddRichContactEngine(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
