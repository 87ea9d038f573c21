using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>A page served from anywhere else must not open a circuit or the live hub with the user's cookie.</summary>
public class OriginCheckTests : AppTest
{
    private const string ConfiguredOrigin = "https://sales.example.com";

    protected override void ConfigureApp(IWebHostBuilder builder) =>
        builder.UseSetting("SalesOps:AllowedOrigins:0", ConfiguredOrigin);

    // Another port of the same host: the same site to a browser, so the cookie goes along.
    private string ForeignOrigin => $"http://127.0.0.1:{App.BaseAddress.Port + 1}";

    private string OwnOrigin => App.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Theory]
    [InlineData("/hubs/live/negotiate?negotiateVersion=1")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task A_negotiate_from_another_origin_is_refused_and_one_from_the_app_is_not(string negotiate)
    {
        var manager = await ManagerAsync();

        var foreign = await NegotiateAsync(manager, negotiate, ForeignOrigin);
        var own = await NegotiateAsync(manager, negotiate, OwnOrigin);
        var configured = await NegotiateAsync(manager, negotiate, ConfiguredOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    [Fact]
    public async Task A_websocket_upgrade_from_another_origin_is_refused_and_one_from_the_app_is_not()
    {
        var cookies = new CookieContainer();
        await SignedInClientAsync(DemoCompany.ManagerEmail, cookies: cookies);

        using var foreign = await OpenSocketAsync(cookies, ForeignOrigin);
        using var own = await OpenSocketAsync(cookies, OwnOrigin);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, own.State);
    }

    private async Task<HttpClient> ManagerAsync() => await SignedInClientAsync(DemoCompany.ManagerEmail);

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string path, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Origin", origin);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<ClientWebSocket> OpenSocketAsync(CookieContainer cookies, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.Cookies = cookies;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        var url = new UriBuilder(new Uri(App.BaseAddress, "/hubs/live")) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(url, TestContext.Current.CancellationToken);
        }
        catch (WebSocketException)
        {
            // Refused: the status code stays on the socket for the assertion.
        }

        return socket;
    }
}
