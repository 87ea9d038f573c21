using System.Net;
using System.Net.Http.Json;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SalesOps.Web.Auth;

namespace SalesOps.Tests.Integration;

public class ApiKeyTests : AppTest
{
    [Fact]
    public async Task A_new_key_works_and_a_revoked_key_is_refused_at_once_even_after_it_was_used()
    {
        using var scope = App.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var admin = new Actor("Ada Admin", Roles.Admin);
        var created = await keys.CreateAsync(admin, "Test CRM");
        var api = ApiClient(created.PlainKey);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PatchAsJsonAsync("/api/deals/987654", new { stage = "Won" })).StatusCode);

        Assert.True(await keys.RevokeAsync(admin, created.Key.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PatchAsJsonAsync("/api/deals/987654", new { stage = "Won" })).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_keys()
    {
        using var scope = App.Services.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => keys.CreateAsync(new Actor("VP", Roles.VP), "Sneaky"));
    }
}
