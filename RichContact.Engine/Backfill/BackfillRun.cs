namespace RichContact.Engine.Backfill;

/// <summary>
/// One "create contacts for past conversations" run of a website over a date range: its state, cursor and
/// counts in richcontact.db. Ids, dates and counts only: nothing personal.
/// </summary>
public sealed class BackfillRun
{
    public long Id { get; set; }
    public required string WebsiteId { get; set; }

    /// <summary>Conversations created at or after this time...</summary>
    public DateTimeOffset From { get; set; }

    /// <summary>...and before this one.</summary>
    public DateTimeOffset Until { get; set; }

    public BackfillStatus Status { get; set; }

    /// <summary>
    /// Which chain of Hangfire batch jobs owns the run: each start or resume makes a new one, and a
    /// batch of another chain (left queued by a stopped process, or a budget wake-up already served) ends at once.
    /// </summary>
    public string? Chain { get; set; }

    /// <summary>The next page of the conversation list to read (from 1).</summary>
    public int NextPage { get; set; } = 1;

    /// <summary>Every page of the range was read: <see cref="Total"/> is final.</summary>
    public bool Listed { get; set; }

    /// <summary>Conversations of the range listed so far, whatever their origin.</summary>
    public int Conversations { get; set; }

    /// <summary>Chat box and email conversations among them: Crisp makes their contacts, the run leaves them.</summary>
    public int NotChannel { get; set; }

    /// <summary>Messaging-channel conversations found so far: what the run works through.</summary>
    public int Total { get; set; }

    public int Created { get; set; }
    public int Existing { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>Contacts a website in preview only would have got (nothing was created).</summary>
    public int WouldCreate { get; set; }

    /// <summary>Conversations that had an outcome already (heard live, or an earlier run): not processed again, no Crisp call.</summary>
    public int HadOutcome { get; set; }

    /// <summary>Every Crisp call the run made, its listing included (the preview's among them).</summary>
    public int CrispCalls { get; set; }

    /// <summary>What the preview's listing cost.</summary>
    public int PreviewCalls { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>While <see cref="BackfillStatus.WaitingForBudget"/>: when today's budget ends.</summary>
    public DateTimeOffset? ResumesAt { get; set; }

    /// <summary>A short code (<c>crisp_503</c>, <c>crisp_unreachable</c>...) of the last listing failure; never text from Crisp.</summary>
    public string? LastError { get; set; }

    public int Done => Created + Existing + Skipped + Failed + HadOutcome + WouldCreate;

    public bool IsActive => Status is BackfillStatus.Previewed or BackfillStatus.Running or BackfillStatus.Paused or BackfillStatus.WaitingForBudget;

    public static readonly BackfillStatus[] ActiveStatuses =
        [BackfillStatus.Previewed, BackfillStatus.Running, BackfillStatus.Paused, BackfillStatus.WaitingForBudget];
}
