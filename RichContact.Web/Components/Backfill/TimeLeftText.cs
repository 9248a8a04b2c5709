namespace RichContact.Web.Components.Backfill;

/// <summary>A run's time left, rounded as a person would say it: an estimate, not a promise.</summary>
public static class TimeLeftText
{
    public static string Of(TimeSpan left) =>
        left < TimeSpan.FromMinutes(1) ? "less than a minute"
        : left < TimeSpan.FromMinutes(90) ? $"about {Math.Ceiling(left.TotalMinutes):0} min"
        : left < TimeSpan.FromHours(36) ? $"about {left.TotalHours:0.#} h"
        : $"about {left.TotalDays:0.#} days";
}
