using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
using SalesOps.Web.Features.Deals;
using static Microsoft.Playwright.Assertions;

namespace SalesOps.Tests.E2E;

/// <summary>A board left open while the server restarts comes back by itself and shows what changed meanwhile.</summary>
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
