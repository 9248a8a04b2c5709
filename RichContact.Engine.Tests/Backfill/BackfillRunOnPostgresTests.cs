namespace RichContact.Engine.Tests.Backfill;

// One of the end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of the base class, unchanged.

/// <summary>Backfill runs, their listed conversations and chained batch jobs on PostgreSQL.</summary>
public sealed class BackfillRunOnPostgresTests : BackfillRunTests
{
    protected override bool OnPostgres => true;
}
