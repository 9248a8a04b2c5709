using System.Text.RegularExpressions;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Web.Tests.Browser;

/// <summary>
/// What Rich Contact writes to its log reads as sentences: no doubled space and no empty field where
/// an optional value (a reason, a suffix) was missing. Read over the shared app's whole log, after a
/// conversation with a reason and one without.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AppLogWordingTests(BrowserFixture fixture)
{
    private RichContactApp App => fixture.App;

    /// <summary>"Created  (2 Crisp calls)", "()", "( x", ", ,", "failed: ." …</summary>
    [GeneratedRegex(@"\S  +\S|\(\s*\)|\(\s|\s\)|,\s*,|:\s*[,.)]|\s[,.]\s|:\s*$")]
    private static partial Regex EmptyField();

    [Fact]
    public async Task Log_lines_have_no_doubled_spaces_or_empty_fields()
    {
        await App.WaitForCrispAsync();
        var website = await App.InstallWebsiteAsync("Registo", "registo.example.pt");
        using var waiter = new ActivityRecorder(App.Get<ActivityStream>());
        var created = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website, Origin = "whatsapp", Phone = "+351 917 400 001", Nickname = "Rui", Message = "Olá" });
        var skipped = await App.Sandbox.Control.StartConversationAsync(new StartConversationRequest
            { WebsiteId = website, Origin = "whatsapp", Nickname = "Sem Telefone", Message = "Olá" });
        Assert.Equal(ActivityOutcome.Created, (await waiter.OutcomeAsync(created)).Outcome);
        var skippedEntry = await waiter.OutcomeAsync(skipped);
        Assert.Equal((ActivityOutcome.Skipped, ReasonCodes.NoIdentity), (skippedEntry.Outcome, skippedEntry.Reason));
        await Eventually.TrueAsync(() => Messages().Any(m => m.Contains(skipped) && m.Contains(ReasonCodes.NoIdentity)), "the skipped conversation's log line");

        var ours = Messages().ToList();
        Assert.Contains(ours, m => m.Contains(created) && m.Contains(": created ("));
        var broken = ours.Where(m => EmptyField().IsMatch(m)).Distinct().ToList();
        Assert.True(broken.Count == 0, "Log lines with a doubled space or an empty field:\n" + string.Join("\n", broken));
    }

    /// <summary>The messages Rich Contact's own categories logged, without the capture's decoration (level, category, fields, exception, time).</summary>
    private IEnumerable<string> Messages() => App.Logs.Lines
        .Select(line => line.Split(' ', 2))
        .Where(parts => parts.Length == 2 && parts[1].StartsWith("RichContact.", StringComparison.Ordinal))
        .Select(parts => parts[1][(parts[1].IndexOf(": ", StringComparison.Ordinal) + 2)..])
        .Select(rest => rest[..Math.Max(0, rest.LastIndexOf(" [", StringComparison.Ordinal))]);
}
