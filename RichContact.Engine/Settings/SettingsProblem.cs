namespace RichContact.Engine.Settings;

/// <summary>What is wrong with a field, for a message in the reader's language.</summary>
public enum SettingsProblem { Required, TooMany, Empty, TooLong, BadCharacters, Duplicate, UnknownCountry, NotAnExclusion }
