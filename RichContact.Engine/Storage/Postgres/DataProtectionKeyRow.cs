using RichContact.Engine.Nodes;

namespace RichContact.Engine.Storage.Postgres;

/// <summary>An ASP.NET Core data-protection key (<see cref="PostgresXmlRepository"/>): the cookies' keys, shared so any node reads any node's cookie.</summary>
internal sealed class DataProtectionKeyRow
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
