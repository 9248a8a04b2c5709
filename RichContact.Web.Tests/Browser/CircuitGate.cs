using Microsoft.Playwright;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// A slow network between a prerendered page and its Blazor circuit: holds the circuit's negotiate
/// request until <see cref="Open"/>, so the page shows for as long as a test needs before it can be
/// interactive.
/// </summary>
public sealed class CircuitGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CircuitGate() { }

    /// <summary>Holds every circuit the context's pages (and their frames) start from now on.</summary>
    public static async Task<CircuitGate> HoldAsync(IBrowserContext context)
    {
        var gate = new CircuitGate();
        await context.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await gate._open.Task;
            await route.ContinueAsync();
        });
        return gate;
    }

    public void Open() => _open.TrySetResult();
}
