using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MusicBlazor.Accounts;

namespace MusicBlazor.Hosting;

/// <summary>
/// Rate limits on the posts of the sign-in forms. A page opts in with <c>[EnableRateLimiting(SignInRateLimits.Policy)]</c>;
/// its posts then pass two limiters in a row (<see cref="SignInLimitOptions"/>): one per client address (the global
/// limiter, which lets everything else through) and one per account named in the form (the policy). Kept apart, so
/// that rotating e-mail addresses does not escape the first and flooding one address cannot block anyone else's.
/// Page views (GET) are not limited.
/// </summary>
public static class SignInRateLimits
{
    public const string Policy = "sign-in";

    /// <summary>The account fields of the limited forms: the e-mail of log-in, register and the mail forms.</summary>
    private const string EmailField = "Input.Email";

    private static readonly object AccountItem = new();

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((options, limits) =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignInPost(context)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => Window(limits.Value.PerAddress))
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(Policy, context => IsSignInPost(context) && context.Items[AccountItem] is string account
                ? RateLimitPartition.GetFixedWindowLimiter(account, _ => Window(limits.Value.PerAccount))
                : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInRateLimits))
                    .LogWarning("Too many sign-in attempts: {Path} from {Address} refused", context.Request.Path, ClientAddress(context));
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Value.PerAccount.Window;
                return new ValueTask(TooManyAttemptsPage.WriteAsync(context, retryAfter, cancellationToken));
            };
        });
        return services;
    }

    public static WebApplication UseSignInRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsSignInPost(context))
            {
                context.Items[AccountItem] = await AccountAsync(context);
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy;

    private static FixedWindowRateLimiterOptions Window(SignInLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
    };

    /// <summary>The client's IP address; an IPv6 client by its /64, the block one subscriber usually gets.</summary>
    private static string ClientAddress(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// The account a post is about: the e-mail in the form, normalised as Identity looks it up, or on the two-factor
    /// pages the user whose password was just checked. Null when the post names none (then only the address limit counts).
    /// </summary>
    private static async Task<string?> AccountAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                if (form[EmailField].ToString().Trim() is { Length: > 0 } email)
                {
                    var normalizer = context.RequestServices.GetRequiredService<ILookupNormalizer>();
                    return "email:" + normalizer.NormalizeEmail(email[..Math.Min(email.Length, AccountEmailAttribute.MaxLength)]);
                }
            }
            catch (InvalidDataException)
            {
                // Not a readable form: the page refuses it; the address limit still counted it.
            }
        }

        var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return twoFactor.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? "user:" + userId : null;
    }
}
