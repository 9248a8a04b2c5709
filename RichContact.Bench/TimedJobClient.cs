using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace RichContact.Bench;

/// <summary>
/// Wraps the engine's Hangfire client to time each job creation and state change. The tracker
/// schedules a contact job on the RTM dispatcher's single loop, so creation time is time no other RTM
/// event is handled; the state change is its enqueue at the window's exact end.
/// </summary>
public sealed class TimedJobClient(IBackgroundJobClient inner) : IBackgroundJobClient
{
    private const int MaxSamples = 100_000;
    private readonly ConcurrentQueue<double> _createMs = new();
    private readonly ConcurrentQueue<double> _changeStateMs = new();

    public IReadOnlyCollection<double> CreateMs => _createMs;
    public IReadOnlyCollection<double> ChangeStateMs => _changeStateMs;

    public string Create(Job job, IState state) => Timed(_createMs, () => inner.Create(job, state));

    public bool ChangeState(string jobId, IState state, string expectedState) =>
        Timed(_changeStateMs, () => inner.ChangeState(jobId, state, expectedState));

    private static T Timed<T>(ConcurrentQueue<double> samples, Func<T> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return call();
        }
        finally
        {
            if (samples.Count < MaxSamples)
                samples.Enqueue(clock.Elapsed.TotalMilliseconds);
        }
    }

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
