using RichContact.Engine.Tests.Backfill;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Engine.Tests.Reliability;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Postgres;

// The end-to-end scenarios that depend most on the storage, run again with the engine on
// PostgreSQL (a fresh database per test): every test of each base class, unchanged.

/// <summary>A new conversation gets one contact; chat and email none; repeats, windows and skips.</summary>
public sealed class ContactCreationOnPostgresTests : ContactCreationTests
{
    protected override bool OnPostgres => true;
}

/// <summary>The same person on a second channel (or already in Crisp) gets no second contact.</summary>
public sealed class DeduplicationOnPostgresTests : DeduplicationTests
{
    protected override bool OnPostgres => true;
}

/// <summary>The exclusion list and the default country, stored as PostgreSQL columns.</summary>
public sealed class ExcludedConversationsOnPostgresTests : ExcludedConversationsTests
{
    protected override bool OnPostgres => true;
}

/// <summary>Phone-less conversations' setting stored as a PostgreSQL column; the person's lock across the database.</summary>
public sealed class PhonelessStableUserIdOnPostgresTests : PhonelessConversationsTests
{
    protected override string Reading => RichContact.Sandbox.PhonelessIdentityReadings.StableUserId;
    protected override bool OnPostgres => true;
}

/// <summary>One outcome per conversation, held by PostgreSQL's filtered unique index.</summary>
public sealed class OneOutcomePerConversationOnPostgresTests : OneOutcomePerConversationTests
{
    protected override bool OnPostgres => true;
}

/// <summary>Restart catches up jobs kept in Hangfire.PostgreSql; two jobs at once record one outcome.</summary>
public sealed class RestartOnPostgresTests : RestartTests
{
    protected override bool OnPostgres => true;
}

/// <summary>Backfill runs, their listed conversations and chained batch jobs on PostgreSQL.</summary>
public sealed class BackfillRunOnPostgresTests : BackfillRunTests
{
    protected override bool OnPostgres => true;
}

/// <summary>Crisp's contacts limit kept in PostgreSQL's node state: learnt, renewed with its first refusal's time, lifted.</summary>
public sealed class LimitedWebsiteOnPostgresTests : LimitedWebsiteTests
{
    protected override bool OnPostgres => true;
}
