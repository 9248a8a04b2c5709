using RichContact.Engine.Crisp;
using RichContact.Engine.Crisp.Rest;
using RichContact.Engine.Storage;
using RichContact.Testing;

namespace RichContact.Engine.Tests.Crisp.Rest;

public class CrispRequestBudgetTests
{
    [Fact]
    public void Budget_comes_back_the_next_utc_day()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 23, 59, 0, TimeSpan.Zero));
        var options = Microsoft.Extensions.Options.Options.Create(new CrispOptions { DailyRequestBudget = 1 });
        var budget = new CrispRequestBudget(new StaticOptionsMonitor(options.Value), clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<CrispRequestBudget>.Instance);

        budget.Spend();
        var refused = Assert.Throws<CrispBudgetExhaustedException>(budget.Spend);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero), refused.ResumesAt);

        clock.Advance(TimeSpan.FromMinutes(2));
        budget.Spend();
        Assert.Equal(1, budget.Used);
    }

    [Fact]
    public void Todays_count_survives_a_restart_but_not_a_new_day()
    {
        using var data = new TempDataDirectory();
        var file = Path.Combine(data.Path, DataDirectory.RequestBudgetFileName);
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var options = new StaticOptionsMonitor(new CrispOptions { DailyRequestBudget = 100 });
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger<CrispRequestBudget>.Instance;

        using (var first = new CrispRequestBudget(options, clock, logger, file))
            for (var i = 0; i < 13; i++) first.Spend();

        Assert.Equal(13, new CrispRequestBudget(options, clock, logger, file).Used);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, new CrispRequestBudget(options, clock, logger, file).Used);
    }

    private sealed class StaticOptionsMonitor(CrispOptions value) : Microsoft.Extensions.Options.IOptionsMonitor<CrispOptions>
    {
        public CrispOptions CurrentValue => value;
        public CrispOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<CrispOptions, string?> listener) => null;
    }
}
