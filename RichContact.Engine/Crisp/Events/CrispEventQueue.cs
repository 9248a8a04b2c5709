using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Rtm;

namespace RichContact.Engine.Crisp.Events;

/// <summary>
/// The hand-off between the socket's receive loop and the engine: the socket only writes here
/// (never waits, never works), <see cref="Contacts.CrispEventDispatcher"/> reads and says when it has handled an
/// event. Bounded, so a stuck consumer costs dropped events instead of unbounded memory; a drop is
/// reported through <see cref="Dropped"/> (the outage catch-up then lists what it may have cost) with
/// one warning per run of drops. Events not handled yet hold back the last-event mark
/// (<see cref="OldestUnhandledAt"/>): a kill loses the queue, and the next process must catch it up.
/// </summary>
public sealed class CrispEventQueue(ILogger<CrispEventQueue> logger, IOptions<RtmTimings>? timings = null, TimeProvider? clock = null)
{
    private readonly Channel<RawCrispEvent> _channel = Channel.CreateBounded<RawCrispEvent>(new BoundedChannelOptions((timings?.Value ?? new RtmTimings()).EventQueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _gate = new();
    // Hold times of the events posted and not handled yet (a multiset: UTC ticks -> count).
    private readonly SortedDictionary<long, int> _unhandled = [];
    private int _droppedInARow;

    public ChannelReader<RawCrispEvent> Reader => _channel.Reader;

    /// <summary>Raised with the time of an event dropped because the queue was full (on the posting thread).</summary>
    public event Action<DateTimeOffset>? Dropped;

    /// <summary>The hold time of the oldest event posted and not handled yet; null when there is none.</summary>
    public DateTimeOffset? OldestUnhandledAt
    {
        get
        {
            lock (_gate)
                return _unhandled.Count == 0 ? null : new DateTimeOffset(_unhandled.Keys.First(), TimeSpan.Zero);
        }
    }

    /// <summary>Never waits (the socket's receive loop posts here): a full queue drops the event.</summary>
    public void Post(RawCrispEvent rtmEvent)
    {
        rtmEvent = Stamped(rtmEvent);
        int dropped;
        lock (_gate)
        {
            if (_channel.Writer.TryWrite(rtmEvent))
            {
                Add(rtmEvent.HoldsMarkAt.UtcTicks, +1);
                if (_droppedInARow > 0)
                    logger.LogWarning("RTM event queue accepts events again after dropping {Count}", _droppedInARow);
                _droppedInARow = 0;
                return;
            }
            dropped = ++_droppedInARow;
        }
        if (dropped == 1)
            logger.LogWarning("RTM event queue is full; dropped a {Event} event and the ones after it until it has room (a catch-up lists the conversations they may have started)", rtmEvent.Name);
        Dropped?.Invoke(rtmEvent.HoldsMarkAt);
    }

    /// <summary>Waits for room instead of dropping: for the catch-up, which is not on the receive loop.</summary>
    public async Task PostAsync(RawCrispEvent rtmEvent, CancellationToken ct)
    {
        rtmEvent = Stamped(rtmEvent);
        // Counted before it can be read, so that the dispatcher's Handled always finds it.
        lock (_gate) Add(rtmEvent.HoldsMarkAt.UtcTicks, +1);
        try
        {
            await _channel.Writer.WriteAsync(rtmEvent, ct);
        }
        catch
        {
            lock (_gate) Add(rtmEvent.HoldsMarkAt.UtcTicks, -1);
            throw;
        }
    }

    /// <summary>Completes when the queue has room again (at once when it has).</summary>
    public Task WaitForRoomAsync(CancellationToken ct) => _channel.Writer.WaitToWriteAsync(ct).AsTask();

    /// <summary>The dispatcher is done with the event (handled or given up): it no longer holds the mark.</summary>
    public void Handled(RawCrispEvent rtmEvent)
    {
        lock (_gate) Add(rtmEvent.HoldsMarkAt.UtcTicks, -1);
    }

    private RawCrispEvent Stamped(RawCrispEvent rtmEvent) =>
        rtmEvent.HoldsMarkAt == default ? rtmEvent with { HoldsMarkAt = _clock.GetUtcNow() } : rtmEvent;

    /// <summary>Under <see cref="_gate"/>.</summary>
    private void Add(long ticks, int delta)
    {
        var count = _unhandled.GetValueOrDefault(ticks) + delta;
        if (count > 0)
            _unhandled[ticks] = count;
        else
            _unhandled.Remove(ticks);
    }
}
