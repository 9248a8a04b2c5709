using Microsoft.Extensions.Configuration;

namespace RichContact.Engine;

/// <summary>
/// Configuration keys that moved to another section when each feature got its own options. An operator
/// who still sets an old key would see it silently ignored; instead the start fails with a message
/// naming the new key (checked like the options validators, when the host starts).
/// </summary>
internal sealed class MovedSettings
{
    /// <summary>Each old key and the key that replaced it.</summary>
    public static readonly IReadOnlyList<(string Old, string New)> Moves =
    [
        ("RichContact:Crisp:CatchUpMaxGapMinutes", "RichContact:CatchUp:MaxGapMinutes"),
        ("RichContact:Crisp:CatchUpWebsitesPerGapSecond", "RichContact:CatchUp:WebsitesPerGapSecond"),
        ("RichContact:Crisp:CatchUpBudgetPercent", "RichContact:CatchUp:BudgetPercent"),
        ("RichContact:Rtm:CatchUpMarginSeconds", "RichContact:CatchUp:MarginSeconds"),
        ("RichContact:Rtm:CatchUpRetryDelayMinutes", "RichContact:CatchUp:RetryDelayMinutes"),
        ("RichContact:Rtm:MaxCatchUpRetryDelayMinutes", "RichContact:CatchUp:MaxRetryDelayMinutes"),
        ("RichContact:Rtm:HookMarkIntervalSeconds", "RichContact:Hooks:MarkIntervalSeconds"),
    ];

    /// <summary>The old keys the configuration still sets, each with a sentence naming its new key.</summary>
    public IReadOnlyList<string> StillSet { get; set; } = [];

    /// <summary>What <paramref name="configuration"/> sets among the old keys.</summary>
    public static MovedSettings In(IConfiguration configuration) => new()
    {
        StillSet = Moves
            .Where(move => configuration[move.Old] is not null)
            .Select(move => $"{move.Old} has moved: set {move.New} instead (environment variable {move.New.Replace(":", "__", StringComparison.Ordinal)}).")
            .ToList(),
    };
}
