namespace RichContact.Engine.Nodes;

/// <summary>PostgreSQL could not read or write a node's small state; an <see cref="IOException"/> like a file's failure.</summary>
internal sealed class NodeStateUnavailableException(Exception inner)
    : IOException($"PostgreSQL failed with {inner.GetType().Name}", inner);
