using Microsoft.AspNetCore.Components;
using RichContact.Engine.Activity;

namespace RichContact.Web.Components.Activity;

/// <summary>
/// A view that reloads when the engine records new activity: subscribes to <see cref="ActivityStream"/>
/// for as long as the component lives, and re-renders on the circuit's dispatcher. Reloads are
/// queries: at most one waits at a time and they start at least <see cref="MinReloadSpacing"/> apart,
/// so a burst of entries costs each open page a few queries, not one per entry.
/// </summary>
public abstract class LiveActivityComponentBase : ComponentBase, IDisposable
{
    internal static readonly TimeSpan MinReloadSpacing = TimeSpan.FromMilliseconds(250);

    [Inject] private ActivityStream Stream { get; set; } = default!;

    private int _reloadWaiting;
    private long _lastReloadTicks;
    private volatile bool _disposed;

    /// <summary>Loads what the view shows; called first and after relevant new entries.</summary>
    protected abstract Task ReloadAsync();

    /// <summary>Whether a new entry changes what this view shows.</summary>
    protected virtual bool IsRelevant(ActivityEntry entry) => true;

    protected override async Task OnInitializedAsync()
    {
        Stream.Recorded += OnRecorded;
        _lastReloadTicks = Environment.TickCount64;
        await ReloadAsync();
    }

    private void OnRecorded(ActivityEntry entry)
    {
        // Raised on the engine's thread. An entry recorded while a reload waits is in that reload.
        if (IsRelevant(entry) && Interlocked.Exchange(ref _reloadWaiting, 1) == 0)
            _ = ReloadSoonAsync();
    }

    private async Task ReloadSoonAsync()
    {
        var wait = Interlocked.Read(ref _lastReloadTicks) + (long)MinReloadSpacing.TotalMilliseconds - Environment.TickCount64;
        if (wait > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(wait));
        if (_disposed)
            return;
        // On the renderer's thread; failures surface to the circuit.
        await InvokeAsync(async () =>
        {
            // From here on a new entry may not be in this reload's query: it waits for the next one.
            Volatile.Write(ref _reloadWaiting, 0);
            Interlocked.Exchange(ref _lastReloadTicks, Environment.TickCount64);
            try
            {
                await ReloadAsync();
                StateHasChanged();
            }
            catch (Exception ex)
            {
                await DispatchExceptionAsync(ex);
            }
        });
    }

    public void Dispose()
    {
        _disposed = true;
        Stream.Recorded -= OnRecorded;
        GC.SuppressFinalize(this);
    }
}
