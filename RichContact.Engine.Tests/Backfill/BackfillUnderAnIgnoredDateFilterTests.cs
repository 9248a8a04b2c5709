using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Backfill;

/// <summary>The same, against a Crisp that ignores the date filters and lists every conversation.</summary>
public sealed class BackfillUnderAnIgnoredDateFilterTests : BackfillRunTests
{
    protected override SandboxOptions? SandboxSettings => new() { ConversationListFilter = ConversationListFilters.Ignored };
}
