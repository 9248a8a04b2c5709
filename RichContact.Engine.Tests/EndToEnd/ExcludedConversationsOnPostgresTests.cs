namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>The exclusion list and the default country, stored as PostgreSQL columns.</summary>
public sealed class ExcludedConversationsOnPostgresTests : ExcludedConversationsTests
{
    protected override bool OnPostgres => true;
}
