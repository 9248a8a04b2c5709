namespace RichContact.Engine.Nodes;

/// <summary>
/// The day's Crisp request count (<c>Crisp/Rest/CrispRequestBudget.cs</c> keeps the budget's rules).
/// One process: in memory, saved now and then to a file of the data directory (<see cref="FileRequestCount"/>).
/// Several nodes on PostgreSQL: one row per UTC day every node takes from (<see cref="SharedRequestCount"/>).
/// </summary>
public interface IRequestCount
{
    /// <summary>Takes one request of <paramref name="day"/>'s count: the count after it, or null when <paramref name="limit"/> was reached.</summary>
    ValueTask<int?> TryTakeAsync(DateOnly day, int limit, CancellationToken ct);

    /// <summary>Requests counted on <paramref name="day"/>.</summary>
    ValueTask<int> ReadAsync(DateOnly day, CancellationToken ct);
}
