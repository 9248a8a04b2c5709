namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>Crisp's contacts limit kept in PostgreSQL's node state: learnt, renewed with its first refusal's time, lifted.</summary>
public sealed class LimitedWebsiteOnPostgresTests : LimitedWebsiteTests
{
    protected override bool OnPostgres => true;
}
