namespace RichContact.Testing;

/// <summary>One measurement of the engine's meter: its instrument, value and labels.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Labels);
