using System.Diagnostics;
using System.Text.RegularExpressions;
using RichContact.Web.Tests.Support;

namespace RichContact.Web.Tests.Hosting;

/// <summary>
/// The deployment samples in deploy/, read as an operator would copy them: the nginx sample must
/// not log the settings page's token, and the systemd unit must keep the data directory private.
/// </summary>
public sealed partial class DeploySamplesTests
{
    /// <summary>Variables that would write the query string (the settings page's token) or the Referer (the same URL) into a log.</summary>
    private static readonly string[] LeakingVariables = ["$request", "$request_uri", "$args", "$query_string", "$is_args", "$http_referer"];

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", name));

    [GeneratedRegex(@"\blog_format\s+(\w+)\s+((?:'[^']*'\s*)+);")]
    private static partial Regex LogFormat();

    [GeneratedRegex(@"\baccess_log\s+([^;]+);")]
    private static partial Regex AccessLog();

    [GeneratedRegex(@"\$[a-z_]+")]
    private static partial Regex Variable();

    [Fact]
    public void Nginx_sample_never_logs_the_settings_tokens_query_string_or_referer()
    {
        var config = Regex.Replace(Sample("nginx.conf"), "#[^\n]*", "");

        var formats = LogFormat().Matches(config).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.NotEmpty(formats);
        foreach (var (name, format) in formats)
        {
            var variables = Variable().Matches(format).Select(v => v.Value).ToList();
            Assert.True(!variables.Intersect(LeakingVariables).Any() && !variables.Any(v => v.StartsWith("$arg_")),
                $"log_format {name} logs {string.Join(", ", variables.Intersect(LeakingVariables))}");
        }

        // Every server logs with one of those formats, or not at all: no default "combined" log.
        var servers = ServerBlocks(config);
        Assert.Equal(2, servers.Count);
        foreach (var server in servers)
        {
            var logs = AccessLog().Matches(server).Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            Assert.NotEmpty(logs);
            Assert.All(logs, log => Assert.True(log is ["off"] || log.Length >= 2 && formats.ContainsKey(log[1]),
                $"access_log {string.Join(' ', log)} uses nginx's default format, which logs the query string"));
        }

        // The settings page tells browsers to send no Referer, and its error log lines (which quote the request line) are kept to critical ones.
        var settings = Regex.Match(config, @"location[^{]*/crisp/settings[^{]*\{[^}]*\}").Value;
        Assert.Contains("add_header Referrer-Policy no-referrer always;", settings);
        Assert.Matches(@"error_log\s+\S+\s+crit;", settings);
    }

    [Fact]
    public void Samples_trust_forwarded_headers_from_the_proxy_alone()
    {
        var unit = Sample("richcontact.service");
        var docs = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
            .Append(Path.Combine(RepositoryPaths.Root, "README.md"))
            .ToDictionary(path => Path.GetFileName(path), path => File.ReadAllText(path));

        // The variable believes every sender: a made-up X-Forwarded-For would pass for any address.
        Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", unit);
        Assert.All(docs, page => Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", page.Value));
        Assert.Matches(@"(?m)^Environment=""RichContact__Web__TrustedProxies=127\.0\.0\.1 ::1""$", unit);
        Assert.Contains("RichContact__Web__TrustedProxies=10.0.0.10", docs["several-nodes.md"]); // several nodes: the proxy's address
    }

    [Fact]
    public async Task Systemd_sample_keeps_the_data_directory_and_the_files_the_app_writes_private()
    {
        var unit = Sample("richcontact.service");
        var service = unit[unit.IndexOf("[Service]", StringComparison.Ordinal)..];
        service = service[..service.IndexOf("\n[", 1, StringComparison.Ordinal)];

        Assert.Matches(@"(?m)^UMask=0077$", service);
        Assert.Matches(@"(?m)^StateDirectoryMode=0700$", service);

        if (File.Exists("/usr/bin/systemd-analyze"))
        {
            // systemd's own parser: a misspelt key is ignored with a warning, and the hardening silently lost.
            var verify = Process.Start(new ProcessStartInfo("/usr/bin/systemd-analyze", ["verify", Path.Combine(RepositoryPaths.Root, "deploy", "richcontact.service")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            var output = await verify.StandardError.ReadToEndAsync() + await verify.StandardOutput.ReadToEndAsync();
            await verify.WaitForExitAsync();
            Assert.DoesNotContain("Unknown key", output);
            Assert.DoesNotContain("Failed to parse", output);
        }
    }

    /// <summary>The bodies of the top-level <c>server { … }</c> blocks, braces matched.</summary>
    private static List<string> ServerBlocks(string config)
    {
        var blocks = new List<string>();
        foreach (Match start in Regex.Matches(config, @"(?m)^server\s*\{"))
        {
            var depth = 0;
            for (var i = start.Index + start.Length - 1; i < config.Length; i++)
            {
                depth += config[i] == '{' ? 1 : config[i] == '}' ? -1 : 0;
                if (depth == 0)
                {
                    blocks.Add(config[start.Index..(i + 1)]);
                    break;
                }
            }
        }
        return blocks;
    }
}
