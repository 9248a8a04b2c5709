namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>A new conversation gets one contact; chat and email none; repeats, windows and skips.</summary>
public sealed class ContactCreationOnPostgresTests : ContactCreationTests
{
    protected override bool OnPostgres => true;
}
