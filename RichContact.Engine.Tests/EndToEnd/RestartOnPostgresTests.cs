namespace RichContact.Engine.Tests.EndToEnd;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>Restart catches up jobs kept in Hangfire.PostgreSql; two jobs at once record one outcome.</summary>
public sealed class RestartOnPostgresTests : RestartTests
{
    protected override bool OnPostgres => true;
}
