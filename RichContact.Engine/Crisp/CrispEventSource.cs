namespace RichContact.Engine.Crisp;

/// <summary>Where Crisp's events come from.</summary>
public enum CrispEventSource
{
    /// <summary>Crisp's RTM API: one Socket.IO connection.</summary>
    Rtm,
    /// <summary>Crisp's Web Hooks: signed HTTP POSTs to <c>/crisp/hooks</c>.</summary>
    Hooks,
}
