using RichContact.Sandbox;

namespace RichContact.Web.Sandbox;

/// <summary>Runs the sandbox for as long as the web app runs, and its traffic generator when asked.</summary>
public sealed class SandboxHost(SandboxMode mode, ILogger<SandboxHost> logger) : IHostedService, IAsyncDisposable
{
    private CrispSandbox? _sandbox;

    /// <summary>The running sandbox; throws before start.</summary>
    public CrispSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!mode.Enabled)
            return;
        _sandbox = await CrispSandbox.StartAsync(mode.Options, mode.Url, cancellationToken);
        logger.LogInformation("Sandbox mode: no Crisp plugin token configured, the built-in Crisp sandbox listens on {Url}", _sandbox.Url);
        if (mode.TrafficEnabled)
        {
            await _sandbox.Traffic.StartAsync(mode.TrafficPerMinute / 60.0, ct: cancellationToken);
            logger.LogInformation("Sandbox traffic: {Rate} new conversations a minute (RichContact:Sandbox:Traffic)", mode.TrafficPerMinute);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _sandbox, null) is { } sandbox)
            await sandbox.DisposeAsync();
    }
}
