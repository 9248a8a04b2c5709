namespace RichContact.Sandbox.State;

internal enum PeopleWriteOutcome { Done, NotFound, EmailTaken, Invalid }
