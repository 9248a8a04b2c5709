using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RichContact.Engine;

namespace RichContact.Bench;

/// <summary>
/// The engine composed from configuration alone, as the web app composes it (Hangfire on SQLite
/// included, or everything on PostgreSQL with <c>--postgres</c>), in a temp data directory that is
/// deleted afterwards. With several nodes (<see cref="BenchNodes"/>) each is one of these, named. No console logging: the bench
/// measures the pipeline, not the terminal. The one addition: <see cref="TimedJobClient"/> times job creation.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly IHost _host;
    private readonly string _dataDirectory;

    private BenchEngine(IHost host, string dataDirectory)
    {
        _host = host;
        _dataDirectory = dataDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <param name="postgres">Null: SQLite in the data directory; else the database's connection string.</param>
    /// <param name="nodeName">The node's <c>RichContact:NodeName</c>; null: the engine's default.</param>
    public static async Task<BenchEngine> StartAsync(CrispTarget crisp, double windowSeconds, string? dataParent, string? postgres, string? nodeName,
        CancellationToken ct)
    {
        var dataDirectory = Path.Combine(dataParent ?? Path.GetTempPath(), "richcontact-bench-" + Guid.NewGuid().ToString("n"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?>
        {
            ["RichContact:DataDirectory"] = dataDirectory,
            ["RichContact:Crisp:Identifier"] = crisp.Identifier,
            ["RichContact:Crisp:Key"] = crisp.Key,
            ["RichContact:Crisp:ApiUrl"] = crisp.ApiUrl.ToString(),
            // The bench spends far more than a real day's quota; the budget is not what it measures.
            ["RichContact:Crisp:DailyRequestBudget"] = "10000000",
            ["RichContact:CollectionWindowSeconds"] = windowSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (nodeName is not null)
            settings["RichContact:NodeName"] = nodeName;
        if (postgres is not null)
        {
            settings["RichContact:Storage:Provider"] = "postgres";
            settings["RichContact:Storage:ConnectionString"] = postgres;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRichContactEngine(builder.Configuration);
        TimedJobClient.Install(builder.Services);
        // After an overloaded run Hangfire's workers still hold a backlog; the bench does not wait for it.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var host = builder.Build();
        await host.StartAsync(ct);
        return new BenchEngine(host, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout passed with jobs still running (a backlog): the figures are already taken.
        }
        _host.Dispose();
        // SQLite connection pools keep the files open a moment after the host stops.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; the run's figures are what matter.
        }
    }
}
