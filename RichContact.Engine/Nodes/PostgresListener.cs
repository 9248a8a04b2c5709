using Npgsql;

namespace RichContact.Engine.Nodes;

/// <summary>
/// LISTENs on one PostgreSQL channel for as long as it runs, on a session of its own, and listens
/// again after the connection breaks (the database restarted), waiting a doubling delay between tries.
/// Not pooled: LISTEN belongs to the session, and a pooled connection is reset when returned.
/// Keepalive: a connection that died silently ends the wait instead of waiting forever.
/// </summary>
internal sealed class PostgresListener(NodesDatabase database, string channel, string applicationName, TimeProvider clock)
{
    /// <summary>After a broken connection, this first, doubling up to <see cref="MaxRetryDelay"/>.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private bool _listening;

    /// <summary>True while the channel is listened to: what is notified from then on is heard.</summary>
    public bool IsListening => Volatile.Read(ref _listening);

    /// <summary>
    /// Until <paramref name="ct"/> is cancelled: each payload goes to <paramref name="heard"/> (on the
    /// connection's reading thread: keep it short), <paramref name="listening"/> runs each time LISTEN
    /// took (what was notified before went unheard), and <paramref name="lost"/> is told of the first
    /// failure of a series with the delay before the next try.
    /// </summary>
    public async Task RunAsync(Action<string> heard, Func<CancellationToken, Task> listening, Action<Exception, TimeSpan> lost, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(heard, async token => { failures = 0; await listening(token); }, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                Volatile.Write(ref _listening, false);
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10)), MaxRetryDelay.TotalMilliseconds));
                if (failures == 1)
                    lost(error, delay);
                try { await Task.Delay(delay, clock, ct); }
                catch (OperationCanceledException) { break; }
            }
        }
        Volatile.Write(ref _listening, false);
    }

    private async Task ListenAsync(Action<string> heard, Func<CancellationToken, Task> listening, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString(applicationName)) { Pooling = false, KeepAlive = 10 };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => heard(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
            await listen.ExecuteNonQueryAsync(ct);
        Volatile.Write(ref _listening, true);
        await listening(ct);
        while (true)
            await connection.WaitAsync(ct);
    }
}
