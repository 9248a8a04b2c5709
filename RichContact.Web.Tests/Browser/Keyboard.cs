using Microsoft.Playwright;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// A person without a mouse and without arrow keys: moves with Tab (or Shift+Tab) to a control,
/// checks that the control shows where the focus is (a ring: an outline on it or on the control drawn
/// around it), and acts on it with Enter or Space only (typing text aside).
/// </summary>
public static class Keyboard
{
    private const int MostTabs = 160;

    /// <summary>The only keys <see cref="PressAsync"/> presses: a control that needs another (an arrow key) fails the test that uses it.</summary>
    private static readonly HashSet<string> ActionKeys = ["Enter", "Space"];

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

    /// <summary>Presses Enter or Space on what has the focus; any other key is refused.</summary>
    public static Task PressAsync(IPage page, string key)
    {
        Assert.True(ActionKeys.Contains(key), $"{key} is not Enter or Space: every action must work with Tab, Shift+Tab, Enter and Space alone");
        return page.Keyboard.PressAsync(key);
    }

    public static Task<bool> FocusIsInAsync(IPage page, string testId) =>
        page.EvaluateAsync<bool>("id => !!document.activeElement?.closest(`[data-testid='${id}']`)", testId);

    public static async Task AssertFocusRingAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>(FocusRingShows), $"no visible focus ring on {what} ({await FocusedAsync(page)})");

    public static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 200) : 'nothing'; }");
}
