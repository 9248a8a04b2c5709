namespace RichContact.Engine.Nodes;

/// <summary>
/// The time one node holds RTM: <see cref="Number"/> is its fencing token, <see cref="Lost"/> is
/// canceled the moment it ends; disposing it gives RTM up (a stopping node lets another take over at once).
/// </summary>
public sealed class LeadershipTerm : IAsyncDisposable
{
    private readonly Func<bool> _valid;
    private readonly Func<ValueTask> _release;

    internal LeadershipTerm(long number, CancellationToken lost, Func<bool> valid, Func<ValueTask> release)
    {
        (Number, Lost, _valid, _release) = (number, lost, valid, release);
    }

    /// <summary>A single process's: never lost.</summary>
    public static LeadershipTerm Forever { get; } = new(1, CancellationToken.None, () => true, () => ValueTask.CompletedTask);

    /// <summary>Grows with every new holder; a term's events and creates are checked against it.</summary>
    public long Number { get; }

    /// <summary>Canceled when this term ended (never with a single process).</summary>
    public CancellationToken Lost { get; }

    /// <summary>Not lost, and renewed recently enough that no other node can hold RTM yet.</summary>
    public bool IsValid => !Lost.IsCancellationRequested && _valid();

    public ValueTask DisposeAsync() => _release();
}
