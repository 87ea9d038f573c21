using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SalesOps.Web.Auth;

/// <summary>
/// Identity's user manager, except that role and lock-out changes also renew the user's security stamp. Identity
/// renews it itself for password changes; roles and lock-outs change what a session may do too, and a renewed stamp
/// is what ends the sessions already open (cookies and circuits check it every SalesOps:SessionValidationInterval).
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        await RenewStampAfter(base.AddToRoleAsync(user, role), user);

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampAfter(base.AddToRolesAsync(user, roles), user);

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        await RenewStampAfter(base.RemoveFromRoleAsync(user, role), user);

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampAfter(base.RemoveFromRolesAsync(user, roles), user);

    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd) =>
        await RenewStampAfter(base.SetLockoutEndDateAsync(user, lockoutEnd), user);

    private async Task<IdentityResult> RenewStampAfter(Task<IdentityResult> change, AppUser user)
    {
        var result = await change;
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }
}
