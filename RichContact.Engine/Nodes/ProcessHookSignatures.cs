using RichContact.Engine.Memory;

namespace RichContact.Engine.Nodes;

/// <summary>
/// <see cref="IHookSignatures"/> of a single process. Beyond its capacity the oldest go first; a repeat
/// that then gets through is harmless (a conversation is tracked once, and its contact job stops at an outcome).
/// </summary>
internal sealed class ProcessHookSignatures(TimeProvider clock) : IHookSignatures
{
    /// <summary>Longer than any delivery stays fresh (the receiver refuses one older than 5 minutes).</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    private readonly ExpiringMap<string, bool> _taken = new(100_000, Kept, clock);

    public Task<bool> TryTakeAsync(string signature, TimeSpan keepFor, CancellationToken ct) =>
        Task.FromResult(_taken.TryAdd(signature, true));
}
