using RichContact.Engine.Channels;
using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Settings;

public sealed class WebsiteSettingsTests
{
    [Fact]
    public void Other_channels_monitors_every_channel_without_a_known_name_and_no_known_one()
    {
        var settings = WebsiteSettings.DefaultsFor("w-1") with { AllChannels = false, Channels = ["telegram", ChannelOrigin.Other] };

        Assert.True(settings.Monitors("telegram"));
        Assert.True(settings.Monitors("kakaotalk"));
        Assert.False(settings.Monitors("whatsapp"));
    }

    [Theory]
    [InlineData("whatsapp", "whatsapp")]
    [InlineData("twitter", "twitter")]
    [InlineData("kakaotalk", "other")]
    [InlineData("a-made-up-name-1234", "other")]
    public void A_channel_is_labelled_by_its_name_when_known_else_other(string channel, string label) =>
        Assert.Equal(label, ChannelOrigin.Label(channel));
}
