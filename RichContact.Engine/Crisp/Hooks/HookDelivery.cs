namespace RichContact.Engine.Crisp.Hooks;

/// <summary>What became of one Web Hooks delivery.</summary>
public enum HookDelivery
{
    /// <summary>Signed, fresh and new: its event is in the queue.</summary>
    Accepted,
    /// <summary>The same delivery again (Crisp retries what it thinks failed): answered, not handled twice.</summary>
    Repeated,
    /// <summary>Signed but unusable (not JSON, no event): answered so that Crisp does not retry it forever.</summary>
    Unreadable,
    /// <summary>Wrong or missing signature, or a timestamp too old or too far ahead: refused.</summary>
    Refused,
    /// <summary>Signed and fresh, but the nodes' shared record of deliveries could not be written: not taken, for Crisp to send again.</summary>
    Unavailable,
}
