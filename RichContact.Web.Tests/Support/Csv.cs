using System.Text;

namespace RichContact.Web.Tests.Support;

/// <summary>Reads CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF), to check what an export holds.</summary>
public static class Csv
{
    /// <summary>The rows, header first, each as a column name → field map.</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Rows(text);
        var header = rows[0];
        return rows.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static List<string[]> Rows(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else field.Append(c);
        }
        Assert.False(quoted, "a quoted field never ends");
        Assert.True(field.Length == 0 && fields.Count == 0, "the last row does not end with CRLF");
        return rows;
    }
}
