using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>
/// The Crisp calls one gap's catch-up may spend: <see cref="CatchUpOptions.BudgetPercent"/> of what
/// is left of the day's quota when it starts, so that blips cannot spend the quota live contacts need.
/// Calls are counted as pages read: each listed website costs one, and one more per full page.
/// </summary>
public sealed class CatchUpBudget
{
    private readonly int _calls;
    private int _spent;

    private CatchUpBudget(int calls) => _calls = calls;

    public static CatchUpBudget For(CrispRequestBudget budget, double percent)
    {
        var remaining = Math.Max(0, budget.Limit - budget.Used);
        var share = Math.Clamp(percent, 0, 100) / 100.0;
        // At least one call, or a gap with a nearly spent day would list nothing and say so forever.
        return new CatchUpBudget(Math.Max(1, (int)Math.Floor(remaining * share)));
    }

    public int Calls => _calls;

    public int Spent => _spent;

    public bool HasRoom => _spent < _calls;

    /// <summary>A website's list was read: one call per page (the last one shorter than a full page).</summary>
    public void Listed(int conversations) => _spent += 1 + conversations / CrispClient.PeoplePageSize;
}
