using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Contacts.Scheduling;

public class HangfireSchedulingTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Job_scheduled_two_seconds_ahead_runs_within_a_second_of_its_time()
    {
        await using var engine = await EngineHost.StartAsync(_data.Path, configure: s => s.AddSingleton<RecordingJob>());
        var job = engine.Get<RecordingJob>();
        // Hangfire keeps due times in whole seconds, so the due time is rounded up to one.
        var due = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeSeconds() + 1);

        engine.Get<IBackgroundJobClient>().Schedule<RecordingJob>(j => j.Run("job-1"), due);

        var ranAt = await job.WaitForAsync("job-1", TimeSpan.FromSeconds(20));
        Assert.InRange(ranAt - due, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    public sealed class RecordingJob
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> _runs = new();

        public void Run(string id) => Completion(id).TrySetResult(DateTimeOffset.UtcNow);

        public Task<DateTimeOffset> WaitForAsync(string id, TimeSpan timeout) => Completion(id).Task.WaitAsync(timeout);

        private TaskCompletionSource<DateTimeOffset> Completion(string id) =>
            _runs.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
