using RichContact.Engine.Channels;

namespace RichContact.Engine.Tests.Channels;

public class ChannelOriginTests
{
    [Theory]
    [InlineData("urn:crisp.im:whatsapp:0", "whatsapp")]
    [InlineData("urn:crisp.im:instagram:0", "instagram")]
    [InlineData("urn:aircall.io:aircall:1", "aircall")]
    [InlineData("URN:crisp.im:Telegram:0", "telegram")]
    public void Urn_origin_gives_its_third_part_as_channel(string origin, string expected)
    {
        Assert.True(ChannelOrigin.TryGetChannel(origin, out var channel));
        Assert.Equal(expected, channel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("chat")]
    [InlineData("email")]
    [InlineData("urn:crisp.im:whatsapp")]
    [InlineData("urn:crisp.im:whatsapp:0:extra")]
    [InlineData("urn:crisp.im::0")]
    [InlineData("urn:crisp.im:what sapp:0")]
    [InlineData("urn:crisp.im:wh@ts:0")]
    [InlineData("whatsapp")]
    public void Chat_email_and_malformed_origins_are_not_channels(string? origin)
    {
        Assert.False(ChannelOrigin.TryGetChannel(origin, out _));
    }

    [Fact]
    public void Known_channels_have_display_names_and_unknown_ones_keep_their_name()
    {
        Assert.Equal("WhatsApp", ChannelOrigin.DisplayName("whatsapp"));
        Assert.Equal("kakaotalk", ChannelOrigin.DisplayName("kakaotalk"));
    }
}
