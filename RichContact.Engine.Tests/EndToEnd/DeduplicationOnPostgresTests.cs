namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>The same person on a second channel (or already in Crisp) gets no second contact.</summary>
public sealed class DeduplicationOnPostgresTests : DeduplicationTests
{
    protected override bool OnPostgres => true;
}
