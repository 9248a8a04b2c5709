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

    /// <summary>
    /// What the last gap whose catch-up left websites out did not list ("3 s gap: 480 of 500 websites not
    /// listed..."); null if none did. Unlike a cut, their conversations get a contact at the visitor's next message.
    /// </summary>
    public string? LastNotListed { get; private set; }

    public DateTimeOffset? LastNotListedAt { get; private set; }

    /// <summary>Websites catch-ups left out since start, counted in <c>richcontact.catchup.websites_not_listed</c>.</summary>
    public long WebsitesNotListed => Interlocked.Read(ref _websitesNotListed);

    private long _websitesNotListed;

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

    public void NotListed(int websites, string what, DateTimeOffset at)
    {
        Interlocked.Add(ref _websitesNotListed, websites);
        lock (_gate) (LastNotListed, LastNotListedAt) = (what, at);
        Changed?.Invoke();
    }
}
