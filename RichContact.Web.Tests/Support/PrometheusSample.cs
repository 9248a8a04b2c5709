namespace RichContact.Web.Tests.Support;

/// <summary>One sample of a Prometheus text exposition: <c>name{label="value",...} 42</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
