namespace RichContact.Engine.Crisp.Rtm;

/// <summary>
/// What <see cref="CrispRtmListener"/> tells about the stretches of time it could not hear Crisp, for
/// the engine to make up for: the conversations created meanwhile are caught up, and how far Crisp was
/// heard is remembered across restarts. The listener only reports; what is done about it is the
/// engine's (Contacts/Events/ListeningGapsCatchUp.cs).
/// </summary>
internal interface IListeningGaps
{
    /// <summary>
    /// What listeners that no longer listen may have missed — the previous process, a node gone, and
    /// with <paramref name="everyOtherListener"/> (this node just took RTM) every other node — is this
    /// listener's to catch up now.
    /// </summary>
    void TakeOverMissed(bool everyOtherListener);

    /// <summary>Events sent since <paramref name="since"/> may have been missed.</summary>
    void MissedSince(DateTimeOffset since);

    /// <summary>Crisp is heard again: an RTM socket is authenticated, or Web Hooks are listened to.</summary>
    void Listening();

    /// <summary>This node stopped listening for good or for a while (it lost RTM): what it missed is another's to catch up.</summary>
    void StoppedListening();

    /// <summary>Crisp was heard up to <paramref name="at"/>.</summary>
    void HeardUntil(DateTimeOffset at);
}
