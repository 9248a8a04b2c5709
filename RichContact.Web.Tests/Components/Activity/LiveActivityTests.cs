using RichContact.Engine.Activity;
using RichContact.Testing;
using RichContact.Web.Components.Activity;
using RichContact.Web.Tests.Support;
using static RichContact.Web.Tests.Support.Activity;

namespace RichContact.Web.Tests.Components.Activity;

public class LiveActivityTests
{
    /// <summary>A live view whose "query" counts the entries recorded so far.</summary>
    public sealed class CountingView : LiveActivityComponentBase
    {
        [Microsoft.AspNetCore.Components.Inject] private ActivityStream Stream { get; set; } = default!;
        private int _recorded;
        public int Reloads;
        public int Seen;

        protected override Task OnInitializedAsync()
        {
            Stream.Recorded += _ => Interlocked.Increment(ref _recorded);
            return base.OnInitializedAsync();
        }

        protected override Task ReloadAsync()
        {
            Reloads++;
            Seen = Volatile.Read(ref _recorded);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_burst_of_entries_costs_an_open_page_a_few_reloads_and_the_last_one_sees_them_all()
    {
        await using var ctx = await ComponentTestContext.CreateAsync();
        var view = ctx.Render<CountingView>().Instance;
        var log = ctx.Get<ActivityLog>();

        for (var i = 0; i < 50; i++)
            await log.RecordAsync(Entry());

        await Eventually.TrueAsync(() => view.Seen == 50, "a reload that sees every entry");
        // One reload per entry would be 51; reloads start at least 250 ms apart, so even a slow run stays far below.
        Assert.InRange(view.Reloads, 2, 20);
    }
}
