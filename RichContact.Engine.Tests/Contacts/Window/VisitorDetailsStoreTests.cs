using RichContact.Engine.Contacts;
using RichContact.Engine.Crisp.Rest;

namespace RichContact.Engine.Tests.Contacts.Window;

public class VisitorDetailsStoreTests
{
    [Fact]
    public void Details_from_separate_events_merge_and_later_values_win()
    {
        var store = new VisitorDetailsStore(TimeProvider.System);
        var conversation = new ConversationKey("w", "s");
        store.Add(conversation, new VisitorDetails { Phone = "+351912345678" });
        store.Add(conversation, new VisitorDetails { Nickname = "Ana" });
        store.Add(conversation, new VisitorDetails { Nickname = "Ana Souza" });

        Assert.Equal(new VisitorDetails { Phone = "+351912345678", Nickname = "Ana Souza" }, store.Get(conversation));

        store.Forget(conversation);
        Assert.Null(store.Get(conversation));
    }
}
