using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace RichContact.Engine.Crisp;

/// <summary>An RTM event as it came off the socket: its name and first argument, unparsed.</summary>
public readonly record struct RawRtmEvent(string Name, JsonElement Payload);

/// <summary>
/// The hand-off between the socket's receive loop and the engine: the socket only writes here
/// (never waits, never works), <see cref="RtmEventDispatcher"/> reads. Bounded, so a stuck
/// consumer costs dropped events with a warning instead of unbounded memory.
/// </summary>
public sealed class RtmEventQueue(ILogger<RtmEventQueue> logger, RtmTimings? timings = null)
{
    private int Capacity { get; } = (timings ?? new RtmTimings()).EventQueueCapacity;

    private readonly Channel<RawRtmEvent> _channel = Channel.CreateBounded<RawRtmEvent>(new BoundedChannelOptions((timings ?? new RtmTimings()).EventQueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<RawRtmEvent> Reader => _channel.Reader;

    public void Post(RawRtmEvent rtmEvent)
    {
        if (!_channel.Writer.TryWrite(rtmEvent))
            logger.LogWarning("RTM event queue is full ({Capacity}); dropped a {Event} event", Capacity, rtmEvent.Name);
    }
}
