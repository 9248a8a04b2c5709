using RichContact.Engine.Activity;
using RichContact.Engine.Backfill;
using RichContact.Engine.Crisp;
using RichContact.Engine.Settings;
using RichContact.Engine.Storage;
using RichContact.Web.Components.Backfill;
using RichContact.Web.Localization;

namespace RichContact.Web.Tests.Localization;

/// <summary>
/// Every value of an enum that reaches a person (the portal, the settings page, <c>/readyz</c>) reads as
/// words of its own: not its identifier (<c>NotStarted</c>, <c>notstarted</c>), and not a neighbour's
/// sentence, which is what a value added later and left to a switch's default would get.
/// </summary>
public sealed class EnumSentencesTests
{
    /// <summary>
    /// An identifier leaks as written (NotStarted) or squeezed into lower case (notstarted); a one-word
    /// identifier may read as its own word ("Connected", "done"): distinctness catches its fall-through.
    /// </summary>
    private static void AssertIsASentence<T>(T value, string? sentence) where T : struct, Enum
    {
        var name = value.ToString();
        Assert.False(string.IsNullOrWhiteSpace(sentence), $"{typeof(T).Name}.{name} has no sentence");
        if (name.Skip(1).Any(char.IsUpper))
            Assert.DoesNotContain(name.ToLowerInvariant(), sentence!.ToLowerInvariant(), StringComparison.Ordinal);
    }

    private static void AssertEachHasItsOwn<T>(Func<T, string?> sentenceOf) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        foreach (var value in values)
            AssertIsASentence(value, sentenceOf(value));
        Assert.Equal(values.Length, values.Select(sentenceOf).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_crisp_connection_state_has_a_label_and_a_readiness_sentence_of_its_own()
    {
        AssertEachHasItsOwn<CrispConnectionState>(state => CrispConnectionSentences.Label(state));
        AssertEachHasItsOwn<CrispConnectionState>(state => CrispConnectionSentences.Sentence(state));
        Assert.Equal("Crisp RTM: not started yet.", CrispConnectionSentences.Sentence(CrispConnectionState.NotStarted));
        Assert.Equal("Receiving Web Hooks", CrispConnectionSentences.Label(CrispConnectionState.Connected, CrispEventSource.Hooks));
    }

    [Fact]
    public void Every_activity_outcome_has_a_name_of_its_own_in_english_and_in_french()
    {
        AssertEachHasItsOwn<ActivityOutcome>(UiText.English.OutcomeName);
        AssertEachHasItsOwn<ActivityOutcome>(UiText.French.OutcomeName);
    }

    [Fact]
    public void Every_backfill_status_has_words_of_its_own()
    {
        AssertEachHasItsOwn<BackfillStatus>(BackfillStatusText.Of);
    }

    [Fact]
    public void Every_settings_problem_has_a_sentence_of_its_own_in_english_and_in_french()
    {
        static SettingsError Error(SettingsProblem problem) => new(problem, "segment", "vip!", Limit: 20, Count: 21);
        AssertEachHasItsOwn<SettingsProblem>(problem => Error(problem).Message);
        AssertEachHasItsOwn<SettingsProblem>(problem => UiText.French.Describe(Error(problem)));
    }

    [Fact]
    public void Every_storage_file_is_named_in_its_failure_message_on_sqlite_and_on_postgresql()
    {
        AssertEachHasItsOwn<StorageFile>(file => new StorageFailure(file, "IOException", DateTimeOffset.UnixEpoch).Message);
        AssertEachHasItsOwn<StorageFile>(file => new StorageFailure(file, "NpgsqlException", DateTimeOffset.UnixEpoch) { Postgres = true }.Message);
    }
}
