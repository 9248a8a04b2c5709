namespace RichContact.Engine.Tests.Reliability;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>One outcome per conversation, held by PostgreSQL's filtered unique index.</summary>
public sealed class OneOutcomePerConversationOnPostgresTests : OneOutcomePerConversationTests
{
    protected override bool OnPostgres => true;
}
