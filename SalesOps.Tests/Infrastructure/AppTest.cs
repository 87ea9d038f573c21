using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Web.Data;
using SalesOps.Web.Data.Seeding;

namespace SalesOps.Tests.Infrastructure;

/// <summary>
/// Base of the integration tests: each test gets the real app on Kestrel over its own copy of the demo company.
/// </summary>
public abstract partial class AppTest : IAsyncLifetime
{
    private string _directory = "";

    protected SalesOpsAppFactory App { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _directory = TestDatabase.NewDirectory();
        var db = await TestDatabase.CopyOfDemoCompanyAsync(_directory);
        App = new SalesOpsAppFactory(db, _directory, configure: ConfigureApp);
        App.StartServer();
    }

    /// <summary>Settings (<c>builder.UseSetting</c>) or an environment a test class needs in its app.</summary>
    protected virtual void ConfigureApp(IWebHostBuilder builder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow shutdown is left to the OS temp cleaner.
        }

        GC.SuppressFinalize(this);
    }

    protected HttpClient ApiClient(string? apiKey = DemoCompany.IngestKey)
    {
        var client = new HttpClient { BaseAddress = App.BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A browser-like client signed in through the real sign-in form (antiforgery token and all).</summary>
    protected async Task<HttpClient> SignedInClientAsync(string email, string password = "SalesOps-demo-1", CookieContainer? cookies = null)
    {
        var (client, response) = await PostSignInAsync(email, password, cookies);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Sign-in as {email} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>
    /// Fills and posts the sign-in form; the client keeps whatever cookie it got. <paramref name="from"/> is the
    /// loopback address the client connects from (127.0.0.2 plays another computer), <paramref name="returnUrl"/> the
    /// page the form was sent to sign in for.
    /// </summary>
    protected async Task<(HttpClient Client, HttpResponseMessage Response)> PostSignInAsync(
        string email, string password, CookieContainer? cookies = null, IPAddress? from = null, string? returnUrl = null)
    {
        var client = BrowserClient(cookies ?? new CookieContainer(), from);
        var token = await AntiforgeryTokenAsync(client);
        var action = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return (client, response);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, connecting from <paramref name="from"/> (default 127.0.0.1).</summary>
    protected HttpClient BrowserClient(CookieContainer cookies, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { BaseAddress = App.BaseAddress };
    }

    /// <summary>A form token for whoever the client is signed in as (the sign-in page renders one for anyone).</summary>
    protected static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("/account/login");
        return AntiforgeryField().Match(form).Groups[1].Value;
    }

    protected async Task<T> QueryAsync<T>(Func<SalesOpsDbContext, Task<T>> query)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<SalesOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>What a refused change must leave as it was: deals, live events and audit entries.</summary>
    protected Task<(int Deals, long Events, long Audits)> CountsAsync() => QueryAsync(async db =>
        (await db.Deals.CountAsync(), await db.LiveEvents.LongCountAsync(), await db.AuditEntries.LongCountAsync()));

    /// <summary>The API's JSON: web defaults with enums as names.</summary>
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
