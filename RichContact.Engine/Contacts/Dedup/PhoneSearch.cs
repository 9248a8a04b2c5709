namespace RichContact.Engine.Contacts;

/// <summary>What the engine has learned of Crisp's people search so far (see <see cref="DedupMode"/>).</summary>
public enum PhoneSearch
{
    /// <summary>No search with the <c>person.phone</c> criterion answered yet.</summary>
    Untried,
    /// <summary>Crisp answered a phone search with results that fit it.</summary>
    Answered,
    /// <summary>Crisp refused the criterion (400): contacts are matched by email and placeholders.</summary>
    Refused,
    /// <summary>Crisp dropped the criterion (the answer held profiles that cannot match it): same fallback.</summary>
    Ignored,
}
