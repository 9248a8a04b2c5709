using Microsoft.Extensions.Options;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Backfill;

/// <summary>
/// What a backfill may spend of today's Crisp budget: everything above the reserve kept for live
/// conversations (<see cref="BackfillOptions.BudgetReservePercent"/>). A run checks before each
/// conversation, so it stops before the budget is spent instead of failing on it.
/// </summary>
public sealed class BackfillAllowance(CrispRequestBudget budget, IOptions<BackfillOptions> options)
{
    /// <summary>Crisp calls a created contact costs a backfill: the meta read, the people search, the create.</summary>
    public const int CallsPerContact = 3;

    /// <summary>The most one conversation can cost: <see cref="CallsPerContact"/> and both follow-up calls (Contacts/Job/NewContactFollowUps.cs).</summary>
    public const int MostCallsPerConversation = CallsPerContact + 2;

    /// <summary>Calls of today's budget never spent by a backfill.</summary>
    public int Reserve => (int)Math.Ceiling(budget.Limit * options.Value.BudgetReservePercent / 100.0);

    /// <summary>Calls left today, reserve included.</summary>
    public int LeftToday => Math.Max(0, budget.Limit - budget.Used);

    /// <summary>Calls a backfill may still spend today.</summary>
    public int Available => Math.Max(0, LeftToday - Reserve);

    /// <summary>What a backfill may spend on a whole day.</summary>
    public int PerDay => Math.Max(0, budget.Limit - Reserve);

    /// <summary>Room for one more conversation (or one more listing page, <paramref name="calls"/> = 1).</summary>
    public bool HasRoom(int calls = MostCallsPerConversation) => Available >= calls;

    public DateTimeOffset ResetsAt => budget.ResetsAt;

    /// <summary>Completes once a conversation fits again: at once, or when the next UTC day starts (on the budget's clock).</summary>
    public Task WhenRoomAsync(CancellationToken ct) => budget.WhenLeftAsync(Reserve + MostCallsPerConversation, ct);
}
