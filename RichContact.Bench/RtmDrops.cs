using System.Diagnostics;
using RichContact.Engine.Contacts;
using RichContact.Sandbox;

namespace RichContact.Bench;

/// <summary>
/// <c>--rtm-drop-every S</c>: while traffic is driven, the sandbox drops the engine's RTM socket every S
/// seconds and refuses reconnects for <c>--rtm-drop-seconds</c> (the drop-sockets fault), and each drop's
/// catch-up is priced by the sandbox's count of its routes, from the drop until it is finished.
/// </summary>
public sealed class RtmDrops(SandboxControl control, BenchNodes nodes, double everySeconds, double refusedSeconds)
{
    private const string ListRoute = "/v1/website/{website_id}/conversations/{page}";
    private const string SinceRoute = "/v1/plugin/connect/websites/since";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly List<long> _calls = [];
    private readonly List<long> _lists = [];

    public IReadOnlyList<long> CallsPerDrop => _calls;
    public IReadOnlyList<long> ListCallsPerDrop => _lists;

    /// <summary>Drops until <paramref name="stop"/>; a drop under way is finished and priced (<paramref name="ct"/> bounds the run).</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var drop = 1; ; drop++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(everySeconds * drop) - clock.Elapsed is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            await DropOnceAsync(ct);
        }
    }

    private async Task DropOnceAsync(CancellationToken ct)
    {
        var before = await control.RequestsAsync(ct);
        try
        {
            await control.FaultsAsync(new SandboxFaults { DropSockets = true, RefuseRtmSeconds = refusedSeconds }, ct);
        }
        catch (HttpRequestException error) when (error.StatusCode == System.Net.HttpStatusCode.InternalServerError)
        {
            // The sandbox may answer 500 after aborting the socket: the drop happened.
        }
        // Deaf, then heard again, then caught up (the gap is requested as the socket is lost, before the reconnect).
        await UntilAsync(async () => !(await control.SocketsAsync(ct)).Any(s => s.Authenticated), ct);
        await UntilAsync(async () => (await control.SocketsAsync(ct)).Any(s => s.Authenticated), ct);
        await UntilAsync(() => Task.FromResult(nodes.Engines.All(e => e.Get<OutageCatchUp>().HoldsMarkAt is null)), ct);
        var after = await control.RequestsAsync(ct);
        var lists = after.Count("GET", ListRoute) - before.Count("GET", ListRoute);
        _lists.Add(lists);
        _calls.Add(lists + after.Count("GET", SinceRoute) - before.Count("GET", SinceRoute));
    }

    public long WebsitesNotListed => nodes.Engines.Sum(e => e.Get<CatchUpStatus>().WebsitesNotListed);

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
            await Task.Delay(Poll, ct);
    }
}
