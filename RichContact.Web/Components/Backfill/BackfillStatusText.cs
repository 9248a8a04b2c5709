using RichContact.Engine.Backfill;

namespace RichContact.Web.Components.Backfill;

/// <summary>A run's status as the portal says it.</summary>
public static class BackfillStatusText
{
    public static string Of(BackfillStatus status) => status switch
    {
        BackfillStatus.Previewed => "previewed",
        BackfillStatus.Running => "running",
        BackfillStatus.Paused => "paused",
        BackfillStatus.WaitingForBudget => "waiting for the daily budget",
        BackfillStatus.Cancelled => "cancelled",
        _ => "done",
    };
}
