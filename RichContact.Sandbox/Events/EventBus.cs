using System.Text.Json.Nodes;
using RichContact.Sandbox.Hooks;
using RichContact.Sandbox.Rtm;

namespace RichContact.Sandbox.Events;

/// <summary>Where every Crisp event goes out: to the RTM sockets that asked for it, and to the web hook.</summary>
internal sealed class EventBus(RtmHub hub, HookDispatcher hooks)
{
    public void Publish(string websiteId, string name, JsonObject data)
    {
        var payload = new JsonObject { ["website_id"] = websiteId };
        foreach (var (key, value) in data)
            if (key != "website_id")
                payload[key] = value?.DeepClone();
        hub.Deliver(websiteId, name, payload, RequiresBinding(name));
        hooks.Enqueue(websiteId, name, payload);
    }

    // A plugin learns that a website installed it from this event; a socket bound before the install
    // must still hear it, or it would never know to emit socket:bind.
    private static bool RequiresBinding(string name) => name != CrispEvents.SubscriptionUpdated;
}
