using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>A Web Hooks delivery's signature, taken by one node until it expires (<see cref="TakenHookSignatures"/>).</summary>
internal sealed class HookSignatureRow
{
    public required string Signature { get; set; }
    public DateTime ExpiresAt { get; set; }
}
