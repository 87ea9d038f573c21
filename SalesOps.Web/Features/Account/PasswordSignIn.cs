using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesOps.Web.Auth;

namespace SalesOps.Web.Features.Account;

/// <summary>
/// Signs a user in with e-mail and password without telling an attacker anything or letting them lock others out.
/// Identity's own lock-out counts failures per account, so anyone who knows an address could lock its owner out
/// (ten wrong passwords locked the admin). Here failures count per account *and client address*
/// (<see cref="SignInThrottle"/>): an attacker only locks their own attempts, and the per-address rate limit on the
/// sign-in form (SalesOps:RateLimits:SignIn) bounds how many accounts one address can try. Identity's lock-out stays
/// for what an admin locks on purpose. Unknown account, wrong password and locked all fail the same way and take
/// about as long, so neither the message nor the timing says which addresses exist.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, ILogger<PasswordSignIn> logger)
{
    private static readonly AppUser Nobody = new() { DisplayName = "" };
    private static string? _nobodyHash;

    /// <summary>The signed-in user, or null (and the caller shows one message whatever the reason).</summary>
    public async Task<AppUser?> SignInAsync(string email, string password, string address)
    {
        email = email.Trim();
        if (throttle.IsBlocked(email, address))
        {
            logger.RefusedThrottledSignIn(email, address);
            return null;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a real password check takes.
            users.PasswordHasher.VerifyHashedPassword(Nobody, _nobodyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
        }
        else if ((await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: false)).Succeeded)
        {
            throttle.Forget(email, address);
            return user;
        }

        throttle.Failed(email, address);
        logger.FailedSignIn(email, address);
        return null;
    }
}

/// <summary>Failed sign-ins per (account, client address); a pair with too many is refused until its window ends.</summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SalesOpsOptions> options)
{
    // Bounds the memory an attacker with many addresses can take; pairs past it are not counted (the rate limit still is).
    private const int MostTracked = 100_000;
    private readonly ConcurrentDictionary<(string Account, string Address), Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Since);

    private SignInLockoutOptions Lockout => options.Value.SignInLockout;

    public bool IsBlocked(string account, string address) =>
        _failures.TryGetValue(Key(account, address), out var failures)
        && failures.Count >= Lockout.MaxFailures
        && clock.GetUtcNow() - failures.Since < Lockout.Duration;

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MostTracked)
        {
            foreach (var stale in _failures.Where(f => now - f.Value.Since >= Lockout.Duration))
            {
                _failures.TryRemove(stale.Key, out _);
            }

            if (_failures.Count >= MostTracked)
            {
                return;
            }
        }

        _failures.AddOrUpdate(
            Key(account, address),
            _ => new Failures(1, now),
            (_, failures) => now - failures.Since >= Lockout.Duration ? new Failures(1, now) : failures with { Count = failures.Count + 1 });
    }

    public void Forget(string account, string address) => _failures.TryRemove(Key(account, address), out _);

    private static (string, string) Key(string account, string address) => (account.ToUpperInvariant(), address);
}

internal static partial class PasswordSignInLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a sign-in for {Email} from {Address}: too many failures")]
    public static partial void RefusedThrottledSignIn(this ILogger logger, string email, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {Email} from {Address}")]
    public static partial void FailedSignIn(this ILogger logger, string email, string address);
}
