namespace RichContact.Sandbox;

/// <summary>Failures to inject (<c>POST /_sandbox/faults</c>). Absent fields leave that fault as it is.</summary>
public sealed class SandboxFaults
{
    /// <summary>Cut every open RTM socket now, without a Socket.IO goodbye, so clients reconnect.</summary>
    public bool DropSockets { get; set; }
    /// <summary>Refuse new RTM connections (HTTP 503 on the WebSocket handshake) for this long.</summary>
    public double? RefuseRtmSeconds { get; set; }
    /// <summary>
    /// Move the RTM endpoint, as when Crisp sends the plugin to another relay: <c>plugin/connect/endpoints</c>
    /// advertises a new address (the other loopback port, the next <c>/p/N/</c> path), every socket is
    /// dropped and the old address answers 404. Not undone by clearing the faults.
    /// </summary>
    public bool MoveRtm { get; set; }
    /// <summary>
    /// Answer the next this many RTM <c>authentication</c>s with <c>unauthorized</c> even when the keys are
    /// right, as a spurious refusal on Crisp's side would.
    /// </summary>
    public int? RefuseAuthentications { get; set; }
    /// <summary>Answer the next <see cref="RestCount"/> REST calls with this status (429, 420, 500, 503...).</summary>
    public int? RestStatus { get; set; }
    public int? RestCount { get; set; }
    public int? RetryAfterSeconds { get; set; }
    /// <summary>Added before every REST answer; 0 removes it.</summary>
    public int? LatencyMs { get; set; }
    /// <summary>
    /// The next this many Web Hooks deliveries count as failed whatever the receiver answered, as when
    /// its answer is lost on the way: Crisp delivers them again (<see cref="SandboxOptions.HookRedelivery"/>).
    /// </summary>
    public int? LoseHookAnswers { get; set; }
}
