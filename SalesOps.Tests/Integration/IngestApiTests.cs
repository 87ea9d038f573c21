using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Features.Deals;

namespace SalesOps.Tests.Integration;

public class IngestApiTests : AppTest
{
    [Fact]
    public async Task Posting_a_valid_deal_saves_it_with_its_audit_entry_and_live_event()
    {
        var account = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null));

        var response = await ApiClient().PostAsJsonAsync("/api/deals", new
        {
            name = "Bench Co – Cloud Suite",
            accountId = account.Id,
            amount = 48_250.50m,
            stage = "proposal",
            expectedClose = "2027-02-15",
            externalId = "crm-123",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync<JsonElement>(response);
        Assert.Equal("BestCase", body.GetProperty("forecastCategory").GetString());
        var created = body.Deserialize<DealSnapshot>(Json)!;
        Assert.Equal("Proposal", created.Stage);
        Assert.Equal(50, created.Probability);
        var saved = await QueryAsync(db => db.Deals.Include(d => d.StageHistory).SingleAsync(d => d.ExternalId == "crm-123"));
        Assert.Equal(48_250.50m, saved.Amount);
        Assert.Equal(account.OwnerRepId, saved.OwnerRepId);
        Assert.Single(saved.StageHistory);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Deal" && a.EntityId == saved.Id.ToString() && a.Action == "created")));
        Assert.True(await QueryAsync(db => db.LiveEvents.AnyAsync(e => e.EntityId == saved.Id && e.Kind == LiveEventKinds.DealCreated)));
    }

    [Theory]
    [InlineData("{\"name\": \"x\", ", "body")]
    [InlineData("{\"name\":\"x\",\"accountId\":1,\"amount\":\"lots\",\"stage\":\"Proposal\",\"expectedClose\":\"2027-01-01\"}", "amount")]
    [InlineData("{\"name\":\"x\",\"accountId\":1,\"amount\":-5,\"stage\":\"Proposal\",\"expectedClose\":\"2027-01-01\"}", "amount")]
    [InlineData("{\"name\":\"x\",\"accountId\":1,\"amount\":5,\"stage\":\"Closed Won-ish\",\"expectedClose\":\"2027-01-01\"}", "stage")]
    [InlineData("{\"name\":\"x\",\"accountId\":999999,\"amount\":5,\"stage\":\"Proposal\",\"expectedClose\":\"2027-01-01\"}", "accountId")]
    [InlineData("{\"name\":\"x\",\"accountId\":1,\"amount\":5,\"stage\":\"Proposal\",\"expectedClose\":\"soon\"}", "expectedClose")]
    [InlineData("{\"accountId\":1,\"amount\":5,\"stage\":\"Proposal\",\"expectedClose\":\"2027-01-01\"}", "name")]
    [InlineData("{\"name\":\"x\",\"accountId\":1,\"amount\":5,\"stage\":\"Proposal\",\"expectedClose\":\"2027-01-01\",\"discount\":3}", "discount")]
    public async Task A_bad_payload_gets_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var before = await CountsAsync();

        var response = await ApiClient().PostAsync("/api/deals", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync<JsonElement>(response);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(field, errors, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-real-key")]
    public async Task Without_a_valid_api_key_the_api_answers_401_and_writes_nothing(string? key)
    {
        var before = await CountsAsync();

        var response = await ApiClient(key).PostAsJsonAsync("/api/deals", new { name = "x", accountId = 1, amount = 5, stage = "Proposal", expectedClose = "2027-01-01" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Patching_an_unknown_deal_is_a_404()
    {
        var response = await ApiClient().PatchAsJsonAsync("/api/deals/987654", new { stage = "Won" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Patching_the_stage_moves_the_deal_and_records_the_move()
    {
        var deal = await QueryAsync(db => db.Deals.FirstAsync(d => d.StageId == 2));

        var response = await ApiClient().PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Won", version = deal.Version, amount = 1234.5m }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await QueryAsync(db => db.Deals.Include(d => d.StageHistory).SingleAsync(d => d.Id == deal.Id));
        Assert.Equal(5, moved.StageId);
        Assert.Equal(1234.5m, moved.Amount);
        Assert.Equal(100, moved.Probability);
        Assert.NotNull(moved.ClosedOn);
        Assert.Equal(deal.Version + 1, moved.Version);
        Assert.Contains(moved.StageHistory, h => h.FromStageId == 2 && h.ToStageId == 5);
        Assert.True(await QueryAsync(db => db.LiveEvents.AnyAsync(e => e.EntityId == deal.Id && e.Kind == LiveEventKinds.DealStageChanged)));
    }

    [Fact]
    public async Task A_stale_version_gets_a_409_that_names_who_changed_it_and_nothing_is_overwritten()
    {
        var deal = await QueryAsync(db => db.Deals.FirstAsync(d => d.StageId == 1));
        var api = ApiClient();
        var first = await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Qualification", version = deal.Version }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var stale = await api.PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Lost", version = deal.Version }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await ReadAsync<JsonElement>(stale);
        Assert.Contains("Demo CRM", problem.GetProperty("title").GetString());
        var current = await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id));
        Assert.Equal(2, current.StageId);
        Assert.Equal(deal.Version + 1, current.Version);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ingest_endpoints()
    {
        var document = await new HttpClient { BaseAddress = App.BaseAddress }.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/deals", out var post) && post.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/deals/{id}", out var patch) && patch.TryGetProperty("patch", out _));
    }

    private Task<(int Deals, long Events, long Audits)> CountsAsync() => QueryAsync(async db =>
        (await db.Deals.CountAsync(), await db.LiveEvents.LongCountAsync(), await db.AuditEntries.LongCountAsync()));
}
