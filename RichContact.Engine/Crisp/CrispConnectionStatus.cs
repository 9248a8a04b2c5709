namespace RichContact.Engine.Crisp;

/// <summary>The state of Crisp's event stream (the RTM connection, or Web Hooks) as the portal and <c>/readyz</c> show it.</summary>
public sealed class CrispConnectionStatus
{
    private readonly Lock _gate = new();

    public CrispConnectionState State { get; private set; } = CrispConnectionState.NotStarted;

    /// <summary>The last error, already free of secrets and personal data.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset Since { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>How events arrive: over the RTM socket, or as Web Hooks (then "connected" means listening for them).</summary>
    public CrispEventSource Source { get; set; } = CrispEventSource.Rtm;

    public event Action? Changed;

    public void Set(CrispConnectionState state, string? error = null)
    {
        lock (_gate)
        {
            State = state;
            if (error is not null) LastError = error;
            Since = DateTimeOffset.UtcNow;
        }
        Changed?.Invoke();
    }
}
