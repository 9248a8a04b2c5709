namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>Phone-less conversations' setting stored as a PostgreSQL column; the person's lock across the database.</summary>
public sealed class PhonelessStableUserIdOnPostgresTests : PhonelessConversationsTests
{
    protected override string Reading => RichContact.Sandbox.PhonelessIdentityReadings.StableUserId;
    protected override bool OnPostgres => true;
}
