namespace RichContact.Engine.Crisp.Rest;

/// <summary>
/// Counts the Crisp requests made inside a scope (one conversation's job) so the activity log can
/// say what each contact cost. Flows with the async context, so the HTTP handler can count
/// without the callers passing anything around. Retries count: each one is quota.
/// </summary>
internal sealed class RestCallCounter
{
    private static readonly AsyncLocal<RestCallCounter?> CurrentCounter = new();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Starts counting for the current async flow until the returned scope is disposed.</summary>
    public static Scope Begin(out RestCallCounter counter)
    {
        counter = new RestCallCounter();
        var previous = CurrentCounter.Value;
        CurrentCounter.Value = counter;
        return new Scope(previous);
    }

    internal static void CountOne()
    {
        if (CurrentCounter.Value is { } counter)
            Interlocked.Increment(ref counter._calls);
    }

    public readonly struct Scope(RestCallCounter? previous) : IDisposable
    {
        public void Dispose() => CurrentCounter.Value = previous;
    }
}
