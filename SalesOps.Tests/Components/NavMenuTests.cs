using Bunit;
using SalesOps.Shared.Access;
using SalesOps.Tests.Infrastructure;
using SalesOps.Web.Components.Layout;

namespace SalesOps.Tests.Components;

public class NavMenuTests : BunitTest
{
    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.VP, false)]
    [InlineData(Roles.Rep, false)]
    public void Only_admins_see_the_admin_link(string role, bool seesAdmin)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var cut = Render<NavMenu>();

        Assert.Contains("Home", cut.Markup);
        Assert.Equal(seesAdmin, cut.FindAll("a[href='admin']").Count == 1);
    }
}
