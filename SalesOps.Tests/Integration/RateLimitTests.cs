using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Integration;

/// <summary>Small limits over a long window, so the window never turns over during a test.</summary>
public class RateLimitTests : AppTest
{
    private const int Limit = 3;
    private const int WindowSeconds = 3600;

    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseSetting("SalesOps:RateLimits:SignIn:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SalesOps:RateLimits:SignIn:Window", "01:00:00");
        builder.UseSetting("SalesOps:RateLimits:Api:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("SalesOps:RateLimits:Api:Window", "01:00:00");
    }

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_from_one_address_get_429_with_retry_after()
    {
        for (var i = 0; i < Limit; i++)
        {
            var (_, allowed) = await PostSignInAsync(DemoCompany.RepEmail, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (_, refused) = await PostSignInAsync(DemoCompany.RepEmail, "SalesOps-demo-1");
        var (_, otherAddress) = await PostSignInAsync(DemoCompany.RepEmail, "SalesOps-demo-1", from: IPAddress.Parse("127.0.0.2"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(WindowSeconds), refused.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.Redirect, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Api_calls_over_the_limit_for_one_key_get_429_with_retry_after()
    {
        var api = ApiClient();
        for (var i = 0; i < Limit; i++)
        {
            var allowed = await api.PostAsJsonAsync("/api/deals", new { }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        var refused = await api.PostAsJsonAsync("/api/deals", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(WindowSeconds), refused.Headers.RetryAfter!.Delta);
    }
}
