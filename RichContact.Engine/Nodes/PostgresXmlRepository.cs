using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RichContact.Engine.Storage.Postgres;

namespace RichContact.Engine.Nodes;

/// <summary>
/// The ASP.NET Core data-protection keys (the admin cookie's) in <see cref="NodeTables.DataProtectionKeys"/>
/// instead of the data directory's <c>keys</c> folder: a cookie one node issued opens the portal on
/// every node, and a node replaced by a new machine keeps its users logged in. Like the folder, the
/// keys are kept as ASP.NET Core writes them (the same trust as the database's password).
/// </summary>
internal sealed class PostgresXmlRepository(NodesDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = database.Source.CreateCommand($"SELECT xml FROM {NodeTables.DataProtectionKeys} ORDER BY id");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
            keys.Add(XElement.Parse(reader.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName) =>
        database.Execute($"INSERT INTO {NodeTables.DataProtectionKeys} (friendly_name, xml) VALUES ($1, $2)",
            friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
