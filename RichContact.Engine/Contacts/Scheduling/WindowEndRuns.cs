using System.Threading.Channels;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RichContact.Engine.Contacts;

/// <summary>
/// Runs a conversation's contact job in this process the moment its collection window ends, then
/// deletes its Hangfire job. The Hangfire job stays the durable record of the waiting conversation:
/// it is due <see cref="ContactJobOptions.FallbackSeconds"/> after the window, so it runs only when this
/// process did not (it stopped or died, or this queue was full), and at once when the run here failed.
/// Going through Hangfire's queue for every conversation cost a dequeue and two state changes each,
/// and its workers topped out near 150 jobs a second here (BENCHMARKS.md, "What limits it" 4).
/// A job run twice is harmless: it runs under the conversation's lock and stops at an outcome.
/// </summary>
internal sealed class WindowEndRuns(
    IServiceProvider services,
    IBackgroundJobClient jobs,
    IOptions<ContactJobOptions> options,
    ILogger<WindowEndRuns> logger) : BackgroundService
{
    private readonly int _concurrency = options.Value.WindowEndConcurrency;

    private readonly Channel<(ConversationKey Conversation, string JobId)> _due =
        Channel.CreateBounded<(ConversationKey, string)>(new BoundedChannelOptions(options.Value.WindowEndCapacity) { SingleWriter = false });

    /// <summary>
    /// Hangfire jobs whose run is done, deleted by one loop: each deletion blocks its thread on the job
    /// storage, which commits one writer at a time anyway, and runs waiting there held pool threads.
    /// </summary>
    private readonly Channel<string> _done = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Runs whose window ended, waiting for a free slot (for the metrics).</summary>
    public int Queued => _due.Reader.Count;

    /// <summary>
    /// Runs the job here once the window has ended (<see cref="CollectionWindow.Ended"/>), or, when these
    /// runs are too many, enqueues it in Hangfire if Hangfire has not moved it yet. A process that stops
    /// first leaves the job to Hangfire in the next process.
    /// </summary>
    public void RunWhenEnded(ConversationKey conversation, string jobId, Task<bool> windowEnded) =>
        _ = RunWhenEndedAsync(conversation, jobId, windowEnded);

    private async Task RunWhenEndedAsync(ConversationKey conversation, string jobId, Task<bool> windowEnded)
    {
        if (await windowEnded && !_due.Writer.TryWrite((conversation, jobId)))
            Enqueue(jobId);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _concurrency).Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), CancellationToken.None))
            .Append(Task.Factory.StartNew(() => DeleteDone(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

    private void DeleteDone(CancellationToken stoppingToken)
    {
        try
        {
            while (_done.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
                while (_done.Reader.TryRead(out var jobId))
                    Delete(jobId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a job not deleted yet runs in the next process and finds its outcome.
        }
    }

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (conversation, jobId) in _due.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(conversation, jobId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued stays with Hangfire, due after the window.
        }
    }

    private async Task RunAsync(ConversationKey conversation, string jobId, CancellationToken stoppingToken)
    {
        try
        {
            await services.GetRequiredService<CreateContactRun>().RunAtWindowEndAsync(conversation, stoppingToken);
        }
        catch (Exception error)
        {
            // The type only: some exception messages quote the data they choked on.
            logger.LogDebug("Contact job {JobId} of conversation {SessionId} handed to Hangfire: its run at the window's end failed with {ErrorType}",
                jobId, conversation.SessionId, error.GetType().Name);
            if (!stoppingToken.IsCancellationRequested)
                Enqueue(jobId);
            return;
        }
        _done.Writer.TryWrite(jobId);
    }

    private void Delete(string jobId)
    {
        try
        {
            // Only if Hangfire has not moved it meanwhile; when it has, its run finds the outcome.
            jobs.ChangeState(jobId, new DeletedState { Reason = "Run at the window's end in process" }, ScheduledState.StateName);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not delete contact job {JobId} after its run ({ErrorType}); Hangfire runs it later and finds the outcome",
                jobId, error.GetType().Name);
        }
    }

    /// <summary>
    /// A run that failed is Hangfire's now, at once, with the retries and the hold on a failing
    /// database that its attribute brings, as when Hangfire ran every job.
    /// </summary>
    private void Enqueue(string jobId)
    {
        try
        {
            jobs.ChangeState(jobId, new EnqueuedState(), ScheduledState.StateName);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogDebug("Could not enqueue contact job {JobId} ({ErrorType}); Hangfire runs it at its due time", jobId, error.GetType().Name);
        }
    }
}
