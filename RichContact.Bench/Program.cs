namespace RichContact.Bench;

/// <summary>
/// <c>dotnet run -c Release --project RichContact.Bench -- [options]</c>; see <see cref="BenchOptions.Usage"/>.
/// Exit code 0 when no conversation was lost (always, for a sweep; with --rtm-drop-every, none still missed after its visitor wrote again), 1 when some were, 2 on bad arguments.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args, Environment.GetEnvironmentVariable(BenchOptions.PostgresVariable));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        if (options.Sweep)
        {
            var sweep = await Sweep.RunAsync(options, Console.Out, cancel.Token);
            Report.PrintSweep(sweep, Console.Out);
            await WriteJsonAsync(options.JsonFile, sweep);
            return 0; // the sweep stops at the first failing rate by design: that is its finding, not an error
        }

        var result = await BenchRun.RunAsync(options, Console.Out, cancel.Token);
        Report.Print(result, Console.Out);
        await WriteJsonAsync(options.JsonFile, result);
        // With RTM drops a conversation whose only message fell in a gap may be missed by design (docs/catch-up.md): lost is what its second message did not catch.
        return (result.Drops?.MissedAfterSecondMessage ?? result.Lost) == 0 ? 0 : 1;
    }

    private static async Task WriteJsonAsync(string? file, object value)
    {
        if (file is null)
            return;
        await File.WriteAllTextAsync(file, Report.Json(value));
        Console.WriteLine($"JSON written to {file}");
    }
}
