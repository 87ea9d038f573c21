using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Live;

namespace SalesOps.Tests.Live;

public class LivePageTests : BunitTest
{
    private readonly LiveEventBus _bus = new(NullLogger<LiveEventBus>.Instance);
    private readonly DealStore _deals = new();

    public LivePageTests()
    {
        Services.AddSingleton(_bus);
        Services.AddSingleton(_deals);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void A_change_committed_while_the_first_read_runs_is_shown()
    {
        // The change commits after the read took its numbers but before the read returns: exactly the window a
        // page that subscribes after loading misses.
        _deals.DuringNextRead = () => _deals.Commit(_bus, amount: 2_500m, teamId: 1);

        var cut = Render<TeamAmountPage>(p => p.Add(x => x.TeamId, 1));

        cut.WaitForAssertion(() => Assert.Equal("2500", cut.Find("[data-value]").GetAttribute("data-value")));
    }

    [Fact]
    public void A_change_the_page_shows_is_read_again_and_rendered()
    {
        var cut = Render<TeamAmountPage>(p => p.Add(x => x.TeamId, 1));
        cut.WaitForAssertion(() => Assert.Equal("1000", cut.Find("[data-value]").GetAttribute("data-value")));

        _deals.Commit(_bus, amount: 1_750m, teamId: 1);

        cut.WaitForAssertion(() => Assert.Equal("1750", cut.Find("[data-value]").GetAttribute("data-value")));
    }

    [Fact]
    public void Events_the_page_does_not_show_cause_no_read()
    {
        var cut = Render<TeamAmountPage>(p => p.Add(x => x.TeamId, 1));
        cut.WaitForAssertion(() => Assert.Equal(1, cut.Instance.Reads));

        _deals.Commit(_bus, amount: 9_999m, teamId: 2);
        _deals.Commit(_bus, amount: 1_200m, teamId: 1);

        cut.WaitForAssertion(() => Assert.Equal("1200", cut.Find("[data-value]").GetAttribute("data-value")));
        // The first read plus one for team 1's change; team 2's change was filtered out before any read.
        Assert.Equal(2, cut.Instance.Reads);
    }

    [Fact]
    public void A_prerender_reads_but_does_not_subscribe()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<TeamAmountPage>(p => p.Add(x => x.TeamId, 1));

        cut.WaitForAssertion(() => Assert.Equal("1000", cut.Find("[data-value]").GetAttribute("data-value")));
        Assert.Equal(0, _bus.SubscriberCount);
    }

    [Fact]
    public async Task Disposing_the_page_unsubscribes()
    {
        var cut = Render<TeamAmountPage>(p => p.Add(x => x.TeamId, 1));
        Assert.Equal(1, _bus.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, _bus.SubscriberCount);
    }

    /// <summary>A stand-in for the database: one amount, changed by commits that publish a live event.</summary>
    public sealed class DealStore
    {
        private long _sequence;

        public decimal Amount { get; private set; } = 1_000m;

        public Action? DuringNextRead { get; set; }

        public async Task<decimal> ReadAsync()
        {
            var amount = Amount;
            await Task.Yield();
            if (DuringNextRead is { } commit)
            {
                DuringNextRead = null;
                commit();
            }

            return amount;
        }

        public void Commit(LiveEventBus bus, decimal amount, int teamId)
        {
            if (teamId == 1)
            {
                Amount = amount;
            }

            bus.Publish(new LiveEvent { Sequence = Interlocked.Increment(ref _sequence), Kind = LiveEventKinds.DealUpdated, EntityId = 1, TeamId = teamId });
        }
    }

    /// <summary>The smallest live page: one team's amount.</summary>
    public sealed class TeamAmountPage : LivePage
    {
        private decimal _amount;
        private int _reads;

        [Inject] private DealStore Source { get; set; } = default!;

        [Parameter] public int TeamId { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        protected override Task OnInitializedAsync() => ReloadAsync();

        protected override bool Shows(LiveEvent liveEvent) => liveEvent.TeamId == TeamId;

        protected override async Task LoadAsync()
        {
            Interlocked.Increment(ref _reads);
            _amount = await Source.ReadAsync();
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-value", _amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.CloseElement();
        }
    }
}
