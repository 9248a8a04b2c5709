using Microsoft.AspNetCore.Components;
using RichContact.Engine.Activity;

namespace RichContact.Web.Components.Activity;

/// <summary>
/// A view that reloads when the engine records new activity: subscribes to <see cref="ActivityStream"/>
/// for as long as the component lives, and re-renders on the circuit's dispatcher.
/// </summary>
public abstract class LiveActivityComponentBase : ComponentBase, IDisposable
{
    [Inject] private ActivityStream Stream { get; set; } = default!;

    /// <summary>Loads what the view shows; called first and after every relevant new entry.</summary>
    protected abstract Task ReloadAsync();

    /// <summary>Whether a new entry changes what this view shows.</summary>
    protected virtual bool IsRelevant(ActivityEntry entry) => true;

    protected override async Task OnInitializedAsync()
    {
        Stream.Recorded += OnRecorded;
        await ReloadAsync();
    }

    private void OnRecorded(ActivityEntry entry)
    {
        if (!IsRelevant(entry))
            return;
        // Raised on the engine's thread: hop onto the renderer's and surface failures to the circuit.
        _ = InvokeAsync(async () =>
        {
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
        Stream.Recorded -= OnRecorded;
        GC.SuppressFinalize(this);
    }
}
