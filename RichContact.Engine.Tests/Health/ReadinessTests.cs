using Microsoft.Extensions.Diagnostics.HealthChecks;
using RichContact.Engine.Crisp;
using RichContact.Engine.Storage;
using RichContact.Testing;

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

    [Theory]
    [InlineData(CrispConnectionState.NotStarted, "Crisp RTM: not started yet.")]
    [InlineData(CrispConnectionState.Connecting, "Crisp RTM: connecting.")]
    [InlineData(CrispConnectionState.Reconnecting, "Crisp RTM: connection lost, reconnecting. Last error: the socket closed")]
    [InlineData(CrispConnectionState.Connected, "Connected to Crisp RTM.")]
    public async Task Readiness_says_the_crisp_connection_in_words_not_its_state_name(CrispConnectionState state, string expected)
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        engine.Get<CrispConnectionStatus>().Set(state, state == CrispConnectionState.Reconnecting ? "the socket closed" : null);

        var report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.Equal(expected, report.Entries["crisp"].Description);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_with_the_storage_failure_until_the_store_writes_again()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path);
        engine.Get<CrispConnectionStatus>().Set(CrispConnectionState.Connected);
        var storage = engine.Get<StorageStatus>();
        storage.Failed(StorageFile.JobStorage, new IOException("database or disk is full"));

        var report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["storage"].Status);
        Assert.Equal(storage.Failures[0].Message, report.Entries["storage"].Description);

        storage.Succeeded(StorageFile.JobStorage);
        report = await engine.Get<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
        Assert.Equal(HealthStatus.Healthy, report.Status);
    }
}
