using System.Diagnostics;

namespace RichContact.Bench;

/// <summary>Samples this process's working set every 100 ms while a run drives load; tracks its peak and CPU time.</summary>
public sealed class ResourceMonitor : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    private readonly Process _process = Process.GetCurrentProcess();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _cpuAtStart;
    private readonly TimeSpan _runQueueAtStart = RunQueueWait();
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly Task _sampling;
    private long _peakWorkingSet;

    public ResourceMonitor()
    {
        _process.Refresh();
        _cpuAtStart = _process.TotalProcessorTime;
        _peakWorkingSet = _process.WorkingSet64;
        _sampling = SampleAsync(_stop.Token);
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);

    /// <summary>CPU time this process used since the monitor started (all threads, all cores).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime - _cpuAtStart;
        }
    }

    public TimeSpan Elapsed => _wall.Elapsed;

    /// <summary>
    /// Time this process's threads spent runnable but waiting for a core since the monitor started
    /// (Linux schedstat, summed over live threads: threads that ended meanwhile take their share with them, so
    /// this is approximate and never below 0). Large values mean the machine,
    /// not the engine, set the pace: other work was using the cores.
    /// </summary>
    public TimeSpan RunQueueWaitSinceStart => TimeSpan.FromTicks(Math.Max(0, (RunQueueWait() - _runQueueAtStart).Ticks));

    private static TimeSpan RunQueueWait()
    {
        long totalNs = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    if (fields.Length >= 2 && long.TryParse(fields[1], out var waitNs))
                        totalNs += waitNs;
                }
                catch (IOException)
                {
                    // The thread ended while we looked.
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TimeSpan.Zero; // not Linux, or no schedstat
        }
        return TimeSpan.FromTicks(totalNs / 100);
    }

    public static long WorkingSetNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Full blocking compacting GC (LOH included), then the working set and managed heap.</summary>
    public static (long WorkingSet, long ManagedHeap) AfterFullGc()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return (WorkingSetNow(), GC.GetTotalMemory(forceFullCollection: false));
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var now = WorkingSetNow();
                if (now > Interlocked.Read(ref _peakWorkingSet))
                    Interlocked.Exchange(ref _peakWorkingSet, now);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        _process.Dispose();
    }
}
