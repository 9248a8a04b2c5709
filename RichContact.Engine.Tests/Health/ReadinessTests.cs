using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichContact.Engine.Crisp;
using RichContact.Engine.Tests.Support;

namespace RichContact.Engine.Tests.Health;

public class ReadinessTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(CrispConnectionState.Connected, HealthStatus.Healthy)]
    [InlineData(CrispConnectionState.Reconnecting, HealthStatus.Degraded)]
    [InlineData(CrispConnectionState.Unauthorized, HealthStatus.Unhealthy)]
    public async Task Readiness_reports_the_migrated_database_and_the_crisp_connection(CrispConnectionState state, HealthStatus expected)
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        engine.Get<CrispConnectionStatus>().Set(state, state == CrispConnectionState.Unauthorized ? "invalid token" : null);

        var report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
        Assert.Equal(expected, report.Entries["crisp"].Status);
        Assert.Equal(expected, report.Status);
    }
}
