using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Contacts;

/// <summary>
/// One conversation's collection window: it ends at its end time, or earlier once the conversation
/// carries everything its contact needs (<see cref="ContactNeeds.HasEverything"/>): the window exists
/// for details that come late, and waiting longer gains nothing. The window decides when; what runs
/// then is the schedule's (<see cref="WindowEndRuns"/>).
/// </summary>
internal sealed class CollectionWindow
{
    private readonly TaskCompletionSource<bool> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool? _enrichGeolocation;

    /// <param name="enrichGeolocation">Whether the contact needs the visitor's country or city; null when the settings are unknown (the database did not answer): then the window runs its full length.</param>
    public CollectionWindow(DateTimeOffset end, bool? enrichGeolocation, TimeProvider clock, CancellationToken stopping)
    {
        _enrichGeolocation = enrichGeolocation;
        _ = EndAtAsync(end, clock, stopping);
    }

    /// <summary>True when the window ended, at its end or early; false when the process stops first (the job is left to Hangfire in the next process).</summary>
    public Task<bool> Ended => _ended.Task;

    /// <summary>Ends the window now when <paramref name="details"/> hold everything the contact needs.</summary>
    public void EndEarlyIfComplete(VisitorDetails? details)
    {
        if (_enrichGeolocation is { } enrich && ContactNeeds.HasEverything(details, enrich))
            _ended.TrySetResult(true);
    }

    private async Task EndAtAsync(DateTimeOffset end, TimeProvider clock, CancellationToken stopping)
    {
        try
        {
            // A timer counts whole milliseconds and may fire a fraction of one early: wait until the end has passed.
            for (var wait = end - clock.GetUtcNow(); wait > TimeSpan.Zero && !Ended.IsCompleted
                 && !stopping.IsCancellationRequested; wait = end - clock.GetUtcNow())
                await Task.WhenAny(Task.Delay(wait, clock, stopping), Ended);
            stopping.ThrowIfCancellationRequested();
            _ended.TrySetResult(true);
        }
        catch (OperationCanceledException)
        {
            _ended.TrySetResult(false);
        }
    }
}
