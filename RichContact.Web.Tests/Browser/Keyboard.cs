using Microsoft.Playwright;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// A person without a mouse: moves with Tab (or Shift+Tab) to a control and checks that the control
/// shows where the focus is (a ring: an outline on it or on the control drawn around it).
/// </summary>
public static class Keyboard
{
    private const int MostTabs = 120;

    // The focused element, or the control MudBlazor draws around a hidden input (switch, checkbox,
    // radio), up to the control's own edge: an outline there is the focus ring.
    private const string FocusRingShows = """
        () => {
            const ring = e => { const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
            let e = document.activeElement;
            for (let i = 0; e && i < 5; i++, e = e.parentElement) {
                if (ring(e)) return true;
                if (e.matches('label, .mud-input-control, .mud-paper, body')) break;
            }
            // A text field: MudBlazor marks the focused field with its border in the primary colour.
            const field = document.activeElement.closest('.mud-input-control');
            const border = field?.querySelector('.mud-input-outlined-border');
            return !!border && getComputedStyle(border).borderTopWidth === '2px';
        }
        """;

    /// <summary>Presses Tab (Shift+Tab with <paramref name="backwards"/>) until the element with <paramref name="testId"/>, or one inside it, has the focus.</summary>
    public static async Task TabToAsync(IPage page, string testId, bool backwards = false)
    {
        for (var i = 0; i < MostTabs; i++)
        {
            if (await FocusIsInAsync(page, testId))
            {
                await AssertFocusRingAsync(page, testId);
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{MostTabs} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {testId}; focus is on {await FocusedAsync(page)}");
    }

    public static Task<bool> FocusIsInAsync(IPage page, string testId) =>
        page.EvaluateAsync<bool>("id => !!document.activeElement?.closest(`[data-testid='${id}']`)", testId);

    public static async Task AssertFocusRingAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>(FocusRingShows), $"no visible focus ring on {what} ({await FocusedAsync(page)})");

    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 200) : 'nothing'; }");
}
