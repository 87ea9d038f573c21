using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Shared.Domain;
using SalesOps.Shared.Screens;
using SalesOps.Tests.Infrastructure;
using SalesOps.Tests.Screens;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Deals;
using SalesOps.Web.Features.Screens;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>A board or a wall screen left open while the server restarts comes back by itself and shows what changed meanwhile.</summary>
[Collection(E2EGroup.Name)]
public class ServerRestartTests(E2EFixture fixture) : IAsyncLifetime
{
    private readonly string _directory = TestDatabase.NewDirectory();
    private readonly int _port = FreePort();
    private string _database = "";
    private SalesOpsAppFactory? _app;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CopyOfDemoCompanyAsync(_directory);
        _app = Start();
    }

    [Fact]
    public async Task An_open_board_survives_a_server_restart_and_shows_the_current_truth()
    {
        var page = await fixture.NewPageAsync(baseUrl: _app!.BaseAddress);
        await LoginPage.AsAsync(page, DemoCompany.VpEmail);
        var board = await PipelineBoardPage.OpenAsync(page);
        var dealId = await board.FirstDealIdAsync(1);

        await _app.DisposeAsync();
        // Someone moves the deal as the new server comes up; the board must end up showing it, whether the move
        // happened before its page reloaded (it reads the truth) or after (it hears the live event).
        _app = Start();
        var moved = await _app.Service<DealService>().ChangeAsync(new Actor("Night batch", Roles.VP), dealId, new DealChange(Stage: "Qualification"));
        Assert.True(moved.Succeeded);

        await Expect(board.Card(2, dealId)).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(board.Card(1, dealId)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_display_comes_back_by_itself_after_a_restart_and_celebrates_the_win_it_missed_while_down()
    {
        var created = await _app!.Service<ScreenService>().CreateAsync(new Actor("Ana Radu", Roles.Analyst),
            new ScreenSpec("Restart TV", ScreenTheme.Dark, [new SlideSpec(SlideKind.Text, ScreenRules.MaxSeconds, Text: "Welcome")]));
        var dealId = await OpenDealAsync();
        var page = await fixture.NewPageAsync(baseUrl: _app.BaseAddress);
        var display = await DisplayPageObject.OpenAsync(page, created.Token!);
        await Expect(display.Root).ToHaveAttributeAsync("data-live-sequence", new Regex(@"^\d+$"));
        await Expect(display.StaleBanner).ToBeHiddenAsync();
        // The TV's script reloads the page only once its display link answers: hold that until the win is in, so the
        // win certainly happens while the TV has no circuit to hear it on.
        await page.RouteAsync($"**/display/{created.Token}", route => route.AbortAsync());

        await _app.DisposeAsync();
        await Expect(display.StaleBanner).ToBeVisibleAsync(new() { Timeout = 30_000 });
        _app = Start();
        Assert.True((await _app.Service<DealService>().ChangeAsync(new Actor("Night batch", Roles.VP), dealId, new DealChange(Stage: "Won"))).Succeeded);
        await page.UnrouteAllAsync();

        await Expect(display.Celebration(dealId)).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(display.Root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(display.StaleBanner).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private async Task<int> OpenDealAsync()
    {
        await using var db = await _app!.Service<IDbContextFactory<SalesOpsDbContext>>().CreateDbContextAsync();
        return await db.Deals.Where(d => !d.Stage!.IsWon && !d.Stage.IsLost).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    private SalesOpsAppFactory Start()
    {
        var app = new SalesOpsAppFactory(_database, _directory, port: _port);
        app.StartServer();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
