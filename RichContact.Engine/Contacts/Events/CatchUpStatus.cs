namespace RichContact.Engine.Contacts;

/// <summary>
/// What the portal's overview says about the outage catch-up: why one is not finished yet (waiting for
/// the daily budget, retrying after an error), and the last time a limit cut one short, so that the
/// conversations it left out are not lost in silence. Times and reasons only, no personal data.
/// </summary>
public sealed class CatchUpStatus
{
    private readonly Lock _gate = new();

    /// <summary>Why a catch-up is waiting; null when none is.</summary>
    public string? Waiting { get; private set; }

    /// <summary>The last limit that cut a catch-up short, and what it left out; null if none did.</summary>
    public string? LastCut { get; private set; }

    public DateTimeOffset? LastCutAt { get; private set; }

    public event Action? Changed;

    public void SetWaiting(string? why)
    {
        lock (_gate) Waiting = why;
        Changed?.Invoke();
    }

    public void Cut(string what, DateTimeOffset at)
    {
        lock (_gate) (LastCut, LastCutAt) = (what, at);
        Changed?.Invoke();
    }
}
