namespace RichContact.Bench;

public enum ConversationMixKind { Realistic, AllNew }
