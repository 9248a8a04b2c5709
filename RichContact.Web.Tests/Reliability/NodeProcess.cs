using System.Diagnostics;
using RichContact.Sandbox;
using RichContact.Testing;

namespace RichContact.Web.Tests.Reliability;

/// <summary>
/// Rich Contact as an operator runs it: <c>dotnet RichContact.Web.dll</c> in a child process — one node
/// of several on PostgreSQL, or the single process on its data directory — connected to the sandbox as
/// to Crisp (its plugin identifier, key and API address: not sandbox mode), configured by environment variables. Its output is kept for the
/// waits and for a failure's message.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>A node on PostgreSQL, named <paramref name="name"/>, with a collection window of 1 s.</summary>
    public static NodeProcess Start(string name, CrispSandbox sandbox, string connectionString, string dataDirectory) =>
        Start(name, sandbox, dataDirectory, new Dictionary<string, string>
        {
            ["RichContact__NodeName"] = name,
            ["RichContact__Storage__Provider"] = "postgres",
            ["RichContact__Storage__ConnectionString"] = connectionString,
            ["RichContact__CollectionWindowSeconds"] = "1",
            ["RichContact__Admin__Password"] = "nodes test password",
            // Required on PostgreSQL, the same on every node: it encrypts the login cookie keys the database holds.
            ["RichContact__Admin__KeyProtection"] = "secret:the nodes' shared key protection secret, never in the database",
        });

    /// <summary>The app on <paramref name="dataDirectory"/>, with <paramref name="settings"/> (environment variables) on top of the sandbox's.</summary>
    public static NodeProcess Start(string name, CrispSandbox sandbox, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "RichContact.Web.dll")}\" --urls http://127.0.0.1:{FreePort.Next()}")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RichContact__DataDirectory"] = dataDirectory;
        start.Environment["RichContact__Crisp__Identifier"] = sandbox.Options.Identifier;
        start.Environment["RichContact__Crisp__Key"] = sandbox.Options.Key;
        start.Environment["RichContact__Crisp__ApiUrl"] = sandbox.ApiUrl.ToString();
        start.Environment["Logging__LogLevel__RichContact"] = "Debug";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        start.Environment["Logging__LogLevel__Polly"] = "Warning";
        // Each line with its node's name, on one line: a failure's message interleaves several nodes.
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        // When each line was written: a failure's message tells how long each step took.
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var node = new NodeProcess(name, Process.Start(start)!);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line)
    {
        if (line is not null)
            lock (_output) _output.Append('[').Append(Name).Append("] ").AppendLine(line);
    }

    public bool Logged(string text) => Output.Contains(text, StringComparison.Ordinal);

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Logged(text))
        {
            Assert.False(_process.HasExited, $"{Name} exited while waiting for '{text}':\n{Output}");
            Assert.True(deadline.Elapsed < timeout, $"{Name} never logged '{text}':\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown, no lock released by the node itself, as when its machine dies.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGSTOP: the process stays, its sockets open, and runs nothing, as a frozen VM or a hung process.</summary>
    public void Freeze() => Signal("-STOP");

    /// <summary>SIGCONT: it runs on from where it stopped, unaware of the time it lost.</summary>
    public void Thaw() => Signal("-CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill(); // a frozen one too: SIGKILL needs no cooperation
        _process.Dispose();
    }
}
