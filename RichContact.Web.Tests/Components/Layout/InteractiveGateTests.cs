using Bunit;
using Microsoft.AspNetCore.Components;
using RichContact.Web.Components.Layout;
using RichContact.Web.Components.Settings;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Components.Layout;

public sealed class InteractiveGateTests
{
    private const string Website = "website-1";

    private static IReadOnlyList<AngleSharp.Dom.IElement> Controls<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("[data-testid=settings-form] input, [data-testid=settings-form] button");

    [Fact]
    public async Task Every_control_of_the_settings_form_is_disabled_while_the_page_is_not_interactive()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Bunit.Render<CascadingValue<bool>>(p => p
            .Add(c => c.Name, InteractiveGate.CascadingName)
            .Add(c => c.Value, false)
            .AddChildContent<SettingsForm>(f => f.Add(x => x.WebsiteId, Website)));
        cut.WaitForElement("[data-testid=settings-form]");

        Assert.False(cut.Find("[data-testid=settings-form]").HasAttribute("data-interactive"));
        Assert.True(Controls(cut).Count >= 8);
        Assert.All(Controls(cut), control => Assert.True(control.HasAttribute("disabled"), control.OuterHtml));
    }

    [Fact]
    public async Task The_gate_turns_the_controls_on_once_it_has_rendered_on_a_live_circuit()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var cut = ctx.Bunit.Render<InteractiveGate>(p => p.AddChildContent<SettingsForm>(f => f.Add(x => x.WebsiteId, Website)));
        cut.WaitForElement("[data-testid=settings-form][data-interactive]");

        Assert.False(cut.Find("[data-testid=save]").HasAttribute("disabled"));
        Assert.False(cut.Find("input[data-testid=enabled]").HasAttribute("disabled"));
        Assert.False(cut.Find("input[data-testid=new-segment]").HasAttribute("disabled"));
    }
}
