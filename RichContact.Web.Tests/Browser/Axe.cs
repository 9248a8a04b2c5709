using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// axe-core over a page as it is now, held to WCAG 2.1 A and AA at every impact level. A failure lists
/// every violation (rule, impact, the elements' selectors, what is wrong) so that it can be fixed
/// from the test's output alone.
/// </summary>
public static class Axe
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    // A popover or alert fading in is read half transparent: axe reads the page once its finite
    // animations have ended (a striped or indeterminate progress bar runs for ever).
    private const string AnimationsEnded = """
        () => Promise.all(document.getAnimations()
            .filter(a => a.effect?.getComputedTiming().iterations !== Infinity)
            .map(a => a.finished.catch(() => null)))
        """;

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        await page.EvaluateAsync(AnimationsEnded);
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        if (results.Violations.Length == 0)
            return;
        var report = new StringBuilder($"{results.Violations.Length} axe violation(s) on {what} ({page.Url}):");
        foreach (var violation in results.Violations)
        {
            report.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine().Append($"    {node.Target}: {node.Html}");
                // axe's failure summary: every "all" and "none" check that failed, or the "any" checks none of which passed.
                foreach (var check in (node.All ?? []).Concat(node.None ?? []).Concat(node.Any ?? []))
                    report.AppendLine().Append("      ").Append(check.Message);
            }
        }
        Assert.Fail(report.ToString());
    }
}
