using Bunit;
using RichContact.Web.Components.Layout;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Layout;

public sealed class ChoiceButtonsTests
{
    private static readonly IReadOnlyList<(string?, string, string)> Options =
        [(null, "All", "choice-all"), ("whatsapp", "WhatsApp", "choice-whatsapp"), ("instagram", "Instagram", "choice-instagram")];

    private static string? Pressed(IRenderedComponent<ChoiceButtons<string?>> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").GetAttribute("aria-pressed");

    [Fact]
    public async Task A_named_group_of_buttons_says_which_one_is_chosen_and_pressing_another_chooses_it()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var chosen = new List<string?>();
        var cut = ctx.Render<ChoiceButtons<string?>>(p => p
            .Add(c => c.Label, "Channel")
            .Add(c => c.Options, Options)
            .Add(c => c.Value, null)
            .Add(c => c.ValueChanged, (string? v) => chosen.Add(v)));

        // A group a screen reader names by its visible label; plain buttons, each its own Tab stop.
        var group = cut.Find("[role=group]");
        var label = cut.Find($"#{group.GetAttribute("aria-labelledby")}");
        Assert.Equal("Channel", label.TextContent.Trim());
        Assert.All(cut.FindAll("[role=group] button"), b => Assert.Null(b.GetAttribute("tabindex")));
        Assert.Equal(["true", "false", "false"], Options.Select(o => Pressed(cut, o.Item3)));

        cut.Find("[data-testid=choice-instagram]").Click();
        Assert.Equal(["instagram"], chosen);
        cut.Render(p => p.Add(c => c.Value, "instagram"));
        Assert.Equal(["false", "false", "true"], Options.Select(o => Pressed(cut, o.Item3)));

        // The chosen one pressed again: nothing to change.
        cut.Find("[data-testid=choice-instagram]").Click();
        Assert.Equal(["instagram"], chosen);
    }

    [Fact]
    public async Task A_group_named_by_a_heading_in_the_page_draws_no_label_of_its_own_and_disables_every_button()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Render<ChoiceButtons<string?>>(p => p
            .Add(c => c.LabelledBy, "channels-heading")
            .Add(c => c.Options, Options)
            .Add(c => c.Value, "whatsapp")
            .Add(c => c.Disabled, true));

        Assert.Equal("channels-heading", cut.Find("[role=group]").GetAttribute("aria-labelledby"));
        Assert.Empty(cut.FindAll(".rc-choices-label"));
        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }
}
