using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>
/// The backfill's runs again, against a Crisp whose conversation list filters its dates on the last
/// activity instead of the creation date: Crisp documents <c>filter_date_start/end</c>, not which
/// date they compare. The run keeps the conversations created in its range, whatever the list held.
/// </summary>
public sealed class BackfillUnderAnActivityDateFilterTests : BackfillRunTests
{
    protected override SandboxOptions? SandboxSettings => new() { ConversationListFilter = ConversationListFilters.Updated };
}
