using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace RichContact.Bench;

/// <summary>
/// Wraps the engine's Hangfire client to time each job creation. The tracker schedules a contact job
/// on the RTM dispatcher's single loop, so this time is time no other RTM event is handled.
/// </summary>
public sealed class TimedJobClient(IBackgroundJobClient inner) : IBackgroundJobClient
{
    private const int MaxSamples = 100_000;
    private readonly ConcurrentQueue<double> _createMs = new();

    public IReadOnlyCollection<double> CreateMs => _createMs;

    public string Create(Job job, IState state)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return inner.Create(job, state);
        }
        finally
        {
            if (_createMs.Count < MaxSamples)
                _createMs.Enqueue(clock.Elapsed.TotalMilliseconds);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => inner.ChangeState(jobId, state, expectedState);

    /// <summary>Replaces the registered client with a timed wrapper around it (the composition is otherwise untouched).</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
        services.Remove(original);
        services.AddSingleton(sp => new TimedJobClient(Resolve(original, sp)));
        services.AddSingleton<IBackgroundJobClient>(sp => sp.GetRequiredService<TimedJobClient>());
    }

    private static IBackgroundJobClient Resolve(ServiceDescriptor descriptor, IServiceProvider sp) =>
        (IBackgroundJobClient)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
