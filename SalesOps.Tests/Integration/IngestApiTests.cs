using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesOps.Shared.Domain;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Data.Seeding;
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
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Deal" && a.EntityId == saved.Id.ToString(CultureInfo.InvariantCulture) && a.Action == "created")));
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_64_KB_gets_a_413_and_writes_nothing(bool withoutLength)
    {
        var account = await QueryAsync(db => db.Accounts.FirstAsync(a => a.OwnerRepId != null));
        var body = JsonSerializer.Serialize(new { name = "Huge", accountId = account.Id, amount = 5, stage = "Proposal", expectedClose = "2027-01-01", externalId = new string('x', 200_000) });
        HttpContent content = withoutLength
            ? new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var before = await CountsAsync();

        var response = await ApiClient().PostAsync("/api/deals", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x101")]
    public async Task A_blank_or_overlong_external_id_is_refused_and_writes_nothing(string externalId)
    {
        externalId = externalId == "x101" ? new string('x', 101) : externalId;
        var before = await CountsAsync();

        var response = await PostDealAsync(new { externalId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["externalId"], await ErrorFieldsAsync(response));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_external_id_is_stored_trimmed_and_a_duplicate_is_refused()
    {
        var created = await PostDealAsync(new { externalId = "  crm-77  " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await QueryAsync(db => db.Deals.CountAsync(d => d.ExternalId == "crm-77")));

        var duplicate = await PostDealAsync(new { externalId = "crm-77" });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["externalId"], await ErrorFieldsAsync(duplicate));
        Assert.Equal(1, await QueryAsync(db => db.Deals.CountAsync(d => d.ExternalId == "crm-77")));
    }

    [Fact]
    public async Task A_refusal_does_not_echo_a_long_value_back()
    {
        var response = await PostDealAsync(new { stage = new string('s', 20_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["stage"], await ErrorFieldsAsync(response));
        Assert.True((await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Length < 1_000);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-5")]
    [InlineData("\"7\"")]
    [InlineData("\"Pipeline, Commit\"")]
    [InlineData("\"Maybe\"")]
    public async Task A_forecast_category_that_is_not_a_defined_name_is_refused_in_api_terms(string json)
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 2));
        var before = await CountsAsync();

        var response = await PatchRawAsync(deal.Id, $"{{\"forecastCategory\": {json}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<JsonElement>(response);
        var message = problem.GetProperty("errors").GetProperty("forecastCategory")[0].GetString()!;
        Assert.Contains("one of Pipeline, BestCase, Commit, Closed, Omitted", message);
        AssertNoTypeNames(problem.ToString());
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(deal.ForecastCategory, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).ForecastCategory);
    }

    [Theory]
    [InlineData(2, "Closed")]
    [InlineData(5, "Commit")]
    [InlineData(6, "Closed")]
    public async Task Closed_is_only_for_won_deals_and_a_closed_deal_keeps_its_outcome_s_category(int stageId, string category)
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == stageId));
        var before = await CountsAsync();

        var response = await ApiClient().PatchAsJsonAsync($"/api/deals/{deal.Id}", new { forecastCategory = category }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["forecastCategory"], await ErrorFieldsAsync(response));
        Assert.Equal(before, await CountsAsync());
        var after = await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id));
        Assert.Equal((deal.ForecastCategory, deal.Version), (after.ForecastCategory, after.Version));
    }

    [Fact]
    public async Task Moving_a_deal_to_won_with_closed_is_accepted()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 3));

        var response = await ApiClient().PatchAsJsonAsync($"/api/deals/{deal.Id}", new { stage = "Won", forecastCategory = "Closed" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ForecastCategory.Closed, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).ForecastCategory);
    }

    [Fact]
    public async Task Every_bad_field_is_named_with_what_it_should_be_and_no_type_names()
    {
        var response = await PostRawAsync("{\"name\":\"x\",\"accountId\":\"one\",\"amount\":\"lots\",\"stage\":\"Proposal\",\"expectedClose\":\"soon\",\"probability\":true}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<JsonElement>(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["accountId", "amount", "expectedClose", "probability"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("yyyy-MM-dd", errors.GetProperty("expectedClose")[0].GetString());
        Assert.Contains("a whole number", errors.GetProperty("accountId")[0].GetString());
        AssertNoTypeNames(problem.ToString());
    }

    [Fact]
    public async Task A_close_date_out_of_range_says_what_the_range_is()
    {
        var deal = await QueryAsync(db => db.Deals.AsNoTracking().FirstAsync(d => d.StageId == 5));

        var response = await ApiClient().PatchAsJsonAsync($"/api/deals/{deal.Id}", new { closedOn = "0001-01-01" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReadAsync<JsonElement>(response)).GetProperty("errors").GetProperty("closedOn")[0].GetString();
        Assert.Contains("between 2000-01-01 and", message);
        Assert.Equal(deal.ClosedOn, (await QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == deal.Id))).ClosedOn);
    }

    [Fact]
    public async Task A_valid_key_with_the_wrong_content_type_gets_415_and_an_unknown_route_404()
    {
        var api = ApiClient();

        var text = await api.PostAsync("/api/deals", new StringContent("name=x", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        var unknown = await api.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);
        var badId = await api.PatchAsJsonAsync("/api/deals/abc", new { stage = "Won" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
    }

    [Fact]
    public async Task A_key_does_not_open_pages()
    {
        var page = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", DemoCompany.IngestKey } } }
            .GetAsync("/pipeline", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_deal_in_another_currency_is_refused_until_conversion_exists()
    {
        var before = await CountsAsync();

        var response = await PostDealAsync(new { currency = "EUR" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ReadAsync<JsonElement>(response)).GetProperty("errors").GetProperty("currency")[0].GetString();
        Assert.Equal("SalesOps sums amounts in USD, the company's currency; this deal is in EUR. Convert it before sending.", message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_deal_without_a_currency_is_in_the_company_s_currency()
    {
        var response = await PostDealAsync(new { externalId = "crm-cur" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("USD", (await QueryAsync(db => db.Deals.SingleAsync(d => d.ExternalId == "crm-cur"))).Currency);
    }

    private static void AssertNoTypeNames(string text)
    {
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("SalesOps.", text);
        Assert.DoesNotContain("Nullable", text);
    }

    /// <summary>Posts a valid deal with the given fields added or overridden.</summary>
    private async Task<HttpResponseMessage> PostDealAsync(object overrides)
    {
        var account = await QueryAsync(db => db.Accounts.AsNoTracking().FirstAsync(a => a.OwnerRepId != null));
        var body = new Dictionary<string, object?> { ["name"] = "Hardening Co", ["accountId"] = account.Id, ["amount"] = 1000, ["stage"] = "Proposal", ["expectedClose"] = "2027-01-01" };
        foreach (var property in JsonSerializer.SerializeToElement(overrides).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }

        return await ApiClient().PostAsJsonAsync("/api/deals", body, TestContext.Current.CancellationToken);
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        ApiClient().PostAsync("/api/deals", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private Task<HttpResponseMessage> PatchRawAsync(int id, string json) =>
        ApiClient().PatchAsync($"/api/deals/{id}", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<List<string>> ErrorFieldsAsync(HttpResponseMessage response) =>
        (await ReadAsync<JsonElement>(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>A stream of unknown length, so the client sends the body chunked, without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
