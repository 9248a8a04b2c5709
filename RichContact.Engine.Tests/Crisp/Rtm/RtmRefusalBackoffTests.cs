using System.Globalization;
using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rtm;
using RichContact.Engine.Tests.EndToEnd;
using RichContact.Sandbox;

namespace RichContact.Engine.Tests.Crisp.Rtm;

/// <summary>
/// A refused plugin token is tried again after about a minute, then ever more rarely up to ten minutes:
/// a spurious refusal costs a minute, not ten (RELIABILITY.md).
/// </summary>
public class RtmRefusalBackoffTests : EngineEndToEndTest
{
    [Fact]
    public async Task A_spurious_unauthorized_with_the_default_settings_is_tried_again_about_a_minute_later()
    {
        var status = Engine.Get<CrispConnectionStatus>();
        var refused = WaitForStateAsync(status, CrispConnectionState.Unauthorized);
        try
        {
            await Sandbox.Control.FaultsAsync(new SandboxFaults { DropSockets = true, RefuseAuthentications = 1 });
        }
        catch (HttpRequestException error) when (error.StatusCode == System.Net.HttpStatusCode.InternalServerError)
        {
            // The sandbox may answer 500 after aborting the socket (RtmOutageTests.DropSocketsAsync).
        }
        var before = DateTimeOffset.UtcNow;
        await refused;
        var after = DateTimeOffset.UtcNow;

        // "…trying again at 2026-01-01 10:00:00Z…": the time of the next try, as the portal shows it.
        var text = status.LastError!;
        var at = text.IndexOf("trying again at ", StringComparison.Ordinal);
        Assert.True(at >= 0, text);
        var next = DateTimeOffset.ParseExact(text.Substring(at + "trying again at ".Length, 20), "u", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(next, before + TimeSpan.FromSeconds(59), after + TimeSpan.FromSeconds(61));
    }

    [Fact]
    public void Refusals_in_a_row_wait_one_two_four_eight_then_ten_minutes_at_most()
    {
        var timings = new RtmTimings();
        var first = TimeSpan.FromMinutes(new CrispOptions().UnauthorizedRetryMinutes);

        var waits = Enumerable.Range(1, 7).Select(n => timings.UnauthorizedRetryDelayFor(first, n).TotalMinutes).ToArray();

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], waits);
    }

    [Fact]
    public void A_first_wait_configured_above_the_cap_is_kept()
    {
        var timings = new RtmTimings();

        Assert.Equal(TimeSpan.FromMinutes(30), timings.UnauthorizedRetryDelayFor(TimeSpan.FromMinutes(30), 3));
    }
}
