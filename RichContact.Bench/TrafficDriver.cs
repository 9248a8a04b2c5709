using System.Diagnostics;
using RichContact.Sandbox;

namespace RichContact.Bench;

/// <summary>
/// Starts conversations through the sandbox's control API at a steady rate (the i-th at i / rate
/// seconds), with a bounded number of calls in flight: when the machine cannot keep up, the driver
/// falls behind and the achieved rate says so, instead of piling up requests.
/// </summary>
public sealed class TrafficDriver(SandboxControl control, TimeSpan followUpDelay)
{
    private const int MaxInFlight = 64;

    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly List<Task> _followUps = [];
    private int _startFailures;

    public int StartFailures => Volatile.Read(ref _startFailures);
    public int FollowUpsSent { get; private set; }
    public TimeSpan Duration { get; private set; }

    public async Task<IReadOnlyList<DrivenConversation>> DriveAsync(ConversationMix mix, int count, double rate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var starts = new List<Task<DrivenConversation?>>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait, ct);
            await _inFlight.WaitAsync(ct);
            starts.Add(StartAsync(mix.Next(), ct));
        }
        var driven = await Task.WhenAll(starts);
        Duration = clock.Elapsed;
        Task[] followUps;
        lock (_followUps)
            followUps = [.. _followUps];
        await Task.WhenAll(followUps);
        return driven.OfType<DrivenConversation>().ToList();
    }

    private async Task<DrivenConversation?> StartAsync(PlannedConversation plan, CancellationToken ct)
    {
        try
        {
            var sessionId = await control.StartConversationAsync(plan.Request, ct);
            if (plan.FollowUpInWindow)
                lock (_followUps)
                    _followUps.Add(FollowUpAsync(sessionId, ct));
            return new DrivenConversation(plan, sessionId);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref _startFailures);
            return null;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>The visitor writes again while the window is still open: the engine must not spend a call on it.</summary>
    private async Task FollowUpAsync(string sessionId, CancellationToken ct)
    {
        await Task.Delay(followUpDelay, ct);
        await control.SendMessageAsync(sessionId, "One more thing", ct);
        lock (_followUps)
            FollowUpsSent++;
    }
}
