using Microsoft.AspNetCore.Components.Authorization;
using SalesOps.Shared.Access;

namespace SalesOps.Web.Auth;

/// <summary>The signed-in user of this circuit as an <see cref="Actor"/>, read fresh for every handler.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return ActorFactory.From(state.User);
    }
}
