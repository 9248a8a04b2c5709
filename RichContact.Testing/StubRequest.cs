using System.Text;

namespace RichContact.Testing;

/// <summary>
/// One request <see cref="StubHttpServer"/> received. The body is a property rather than a fourth
/// positional value, so that the REST client's tests still read a request as <c>(method, path, headers)</c>.
/// </summary>
public sealed record StubRequest(string Method, string Path, Dictionary<string, string> Headers)
{
    public required byte[] Body { get; init; }

    /// <summary>The body as UTF-8: JSON as posted, or the names and labels a protobuf body spells as text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
