namespace RichContact.Engine.Nodes;

/// <summary>
/// The Web Hooks deliveries taken lately, by signature: Crisp may send a delivery it thinks failed
/// again, and only the first taker handles it. One process: in memory
/// (<see cref="ProcessHookSignatures"/>). Several nodes on PostgreSQL: a table every node inserts into
/// (<see cref="TakenHookSignatures"/>), so that a repeat delivered to another node is a repeat too.
/// </summary>
public interface IHookSignatures
{
    /// <summary>True when this call took the signature (nobody took it within <paramref name="keepFor"/>); throws when the store fails.</summary>
    Task<bool> TryTakeAsync(string signature, TimeSpan keepFor, CancellationToken ct);
}
