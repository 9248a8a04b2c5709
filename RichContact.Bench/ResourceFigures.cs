namespace RichContact.Bench;

public sealed record ResourceFigures
{
    public double CpuSeconds { get; init; }
    public double WallSeconds { get; init; }
    /// <summary>Seconds our threads were runnable but waited for a core (summed over threads): the machine's contention.</summary>
    public double RunQueueWaitSeconds { get; init; }
    /// <summary>CPU time over wall time, in cores (2 = both cores busy all along).</summary>
    public double CoresBusy => WallSeconds == 0 ? 0 : CpuSeconds / WallSeconds;
    public double BaselineWorkingSetMb { get; init; }
    public double PeakWorkingSetMb { get; init; }
    public double FinalWorkingSetMb { get; init; }
    public double BaselineHeapMb { get; init; }
    public double FinalHeapMb { get; init; }
    /// <summary>Managed heap left per conversation after the run and a full GC (engine and, in-process, sandbox state).</summary>
    public double RetainedBytesPerConversation { get; init; }
}
