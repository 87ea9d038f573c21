using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SalesOps.Tests.Infrastructure;

namespace SalesOps.Tests.Integration;

/// <summary>The app as it runs in Production: secure cookies, and errors that keep their status.</summary>
public class ProductionTests : AppTest
{
    private const int BodyLimit = 1024;

    protected override void ConfigureApp(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = BodyLimit);
    }

    [Fact]
    public void The_sign_in_cookie_is_only_sent_over_https()
    {
        var cookie = App.Service<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).Cookie;

        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_with_413_problem_details()
    {
        var body = new StringContent($$"""{"name":"{{new string('x', BodyLimit * 2)}}"}""", Encoding.UTF8, "application/json");

        var response = await ApiClient().PostAsync("/api/deals", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_page_that_fails_answers_500_with_the_error_page()
    {
        // Breaks the database under the running app: the sign-in page can no longer look its users up.
        await using (var db = new SqliteConnection(App.ConnectionString))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var rename = db.CreateCommand();
            rename.CommandText = "ALTER TABLE AspNetUsers RENAME TO AspNetUsersGone";
            await rename.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await new HttpClient { BaseAddress = App.BaseAddress }.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
