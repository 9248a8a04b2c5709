namespace RichContact.Engine.Crisp;

/// <summary>
/// The Crisp connection's state as a person reads it, on <c>/readyz</c> and the portal's overview:
/// "Crisp RTM: not started yet", never the enum's name.
/// </summary>
public static class CrispConnectionSentences
{
    /// <summary>A short label: what the overview's chip says.</summary>
    public static string Label(CrispConnectionState state, CrispEventSource source = CrispEventSource.Rtm) => state switch
    {
        CrispConnectionState.NotStarted => "Not started yet",
        CrispConnectionState.Connecting => "Connecting",
        CrispConnectionState.Connected when source == CrispEventSource.Hooks => "Receiving Web Hooks",
        CrispConnectionState.Connected => "Connected",
        CrispConnectionState.Reconnecting => "Reconnecting",
        CrispConnectionState.Unauthorized => "Plugin token refused",
        CrispConnectionState.Standby => "Standby (another node holds RTM)",
        _ => state.ToString(),
    };

    /// <summary>A sentence: what <c>/readyz</c> says, e.g. "Crisp RTM: not started yet."</summary>
    public static string Sentence(CrispConnectionState state, CrispEventSource source = CrispEventSource.Rtm) => state switch
    {
        CrispConnectionState.NotStarted => "Crisp RTM: not started yet.",
        CrispConnectionState.Connecting => "Crisp RTM: connecting.",
        CrispConnectionState.Connected when source == CrispEventSource.Hooks => "Receiving Crisp's Web Hooks.",
        CrispConnectionState.Connected => "Connected to Crisp RTM.",
        CrispConnectionState.Reconnecting => "Crisp RTM: connection lost, reconnecting.",
        CrispConnectionState.Unauthorized => "Crisp refused the plugin token.",
        CrispConnectionState.Standby => "Standby: another node holds the Crisp RTM socket.",
        _ => $"Crisp RTM: {state}.",
    };
}
