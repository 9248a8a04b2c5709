namespace RichContact.Sandbox.State;

public enum PeopleWriteOutcome { Done, NotFound, EmailTaken, Invalid }
