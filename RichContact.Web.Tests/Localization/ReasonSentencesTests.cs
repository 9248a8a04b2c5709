using System.Reflection;
using RichContact.Engine.Activity;
using RichContact.Engine.Contacts;
using RichContact.Web.Localization;

namespace RichContact.Web.Tests.Localization;

public sealed class ReasonSentencesTests
{
    /// <summary>Every code the engine can record: the constants of <see cref="ReasonCodes"/>.</summary>
    private static IEnumerable<string> Codes() =>
        typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string> EngineReasonCodes() => new(Codes());

    [Theory]
    [MemberData(nameof(EngineReasonCodes))]
    public void Every_reason_code_the_engine_records_reads_as_a_sentence_in_english_and_in_french(string code)
    {
        var english = ReasonSentences.For(code);
        var french = ReasonSentences.For(code, culture: "fr");

        Assert.False(string.IsNullOrWhiteSpace(english), $"{code} has no English sentence");
        Assert.False(string.IsNullOrWhiteSpace(french), $"{code} has no French sentence");
        Assert.NotEqual(code, english);
        Assert.NotEqual(english, french);
    }

    [Fact]
    public void No_sentence_is_kept_for_a_code_the_engine_no_longer_records()
    {
        var codes = Codes().ToHashSet();

        Assert.Subset(codes, ReasonSentences.KnownCodes("en").ToHashSet());
        Assert.Equal(ReasonSentences.KnownCodes("en").Order(), ReasonSentences.KnownCodes("fr").Order());
    }

    [Fact]
    public void The_channel_not_monitored_reason_reads_as_the_issue_words_it()
    {
        Assert.Equal("the channel is not monitored on this website", ReasonSentences.For(ReasonCodes.ChannelNotMonitored));
    }

    [Theory]
    [InlineData("crisp_404_not_subscribed", "Crisp answered with an error (404 not_subscribed)")]
    [InlineData("crisp_429", "Crisp answered with an error (429)")]
    public void What_crisp_answered_reads_as_a_sentence_that_keeps_its_status_and_reason(string code, string sentence)
    {
        Assert.Equal(sentence, ReasonSentences.For(code));
    }

    [Fact]
    public void A_code_this_version_does_not_know_has_no_sentence_and_is_shown_alone()
    {
        Assert.Null(ReasonSentences.For("something_new"));
    }

    [Fact]
    public void On_a_mend_phone_not_searchable_says_why_the_placeholder_stays()
    {
        Assert.StartsWith("the placeholder stays", ReasonSentences.For(ReasonCodes.PhoneNotSearchable, ActivityOutcome.Mend));
        Assert.StartsWith("Crisp could not search", ReasonSentences.For(ReasonCodes.PhoneNotSearchable, ActivityOutcome.Created));
    }
}
