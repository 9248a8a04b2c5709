using RichContact.Engine.Settings;

namespace RichContact.Engine.Tests.Settings;

public class WebsiteSettingsValidatorTests
{
    private static WebsiteSettings With(string[]? segments = null, string[]? channels = null) =>
        WebsiteSettings.DefaultsFor("website-1") with { Segments = segments ?? [], Channels = channels ?? [] };

    [Fact]
    public void Segment_names_are_trimmed_and_lowercased()
    {
        var result = WebsiteSettingsValidator.Validate(With(segments: ["  Lead ", "VIP_2024"]));

        Assert.True(result.IsValid);
        Assert.Equal(["lead", "vip_2024"], result.Settings!.Segments);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("accentué")]
    [InlineData("semi;colon")]
    [InlineData("")]
    [InlineData("   ")]
    public void Segment_outside_the_alphabet_is_refused_naming_the_field(string segment)
    {
        var result = WebsiteSettingsValidator.Validate(With(segments: [segment]));

        Assert.False(result.IsValid);
        Assert.Contains("segment", result.Errors[nameof(WebsiteSettings.Segments)].Message);
    }

    [Fact]
    public void More_than_twenty_segments_are_refused()
    {
        var result = WebsiteSettingsValidator.Validate(With(segments: Enumerable.Range(1, 21).Select(i => $"s{i}").ToArray()));

        Assert.Equal("At most 20 segments (got 21).", result.Errors[nameof(WebsiteSettings.Segments)].Message);
    }

    [Fact]
    public void Twenty_segments_of_forty_characters_are_accepted()
    {
        var segments = Enumerable.Range(10, 20).Select(i => new string('a', 38) + i).ToArray();

        Assert.True(WebsiteSettingsValidator.Validate(With(segments: segments)).IsValid);
    }

    [Fact]
    public void Segment_longer_than_forty_characters_is_refused()
    {
        var result = WebsiteSettingsValidator.Validate(With(segments: [new string('a', 41)]));

        Assert.Contains("longer than 40", result.Errors[nameof(WebsiteSettings.Segments)].Message);
    }

    [Fact]
    public void Duplicate_segments_after_normalising_are_refused()
    {
        var result = WebsiteSettingsValidator.Validate(With(segments: ["lead", " LEAD"]));

        Assert.Equal("The segment 'lead' is listed twice.", result.Errors[nameof(WebsiteSettings.Segments)].Message);
    }

    [Theory]
    [InlineData("what's app")]
    [InlineData("whatsapp!")]
    public void Channel_names_follow_the_segment_alphabet(string channel)
    {
        var result = WebsiteSettingsValidator.Validate(With(channels: [channel]));

        Assert.False(result.IsValid);
        Assert.Contains("channel", result.Errors[nameof(WebsiteSettings.Channels)].Message);
        Assert.False(result.Errors.ContainsKey(nameof(WebsiteSettings.Segments)));
    }

    [Fact]
    public void Channel_names_are_normalised()
    {
        var result = WebsiteSettingsValidator.Validate(With(channels: [" WhatsApp", "instagram"]));

        Assert.Equal(["whatsapp", "instagram"], result.Settings!.Channels);
    }
}
