using Microsoft.Extensions.Options;
using MusicBlazor.Hosting;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Notifications.Email;

public static class FollowerEmailRegistration
{
    /// <summary>E-mails about new albums from followed artists: the subscriber, the daily digest and the unsubscribe links.</summary>
    public static void AddFollowerEmails(this IServiceCollection services)
    {
        services.AddOptions<FollowerEmailOptions>().BindConfiguration(FollowerEmailOptions.Section)
            .Validate(o => o.DigestHourUtc is >= 0 and <= 23, $"{FollowerEmailOptions.Section}:{nameof(FollowerEmailOptions.DigestHourUtc)} must be an hour from 0 to 23 (UTC).")
            .ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicUrlOptions>, PublicBaseUrlCheck>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<AlbumEmailClaims>();
        services.AddSingleton<FollowerMail>();
        services.AddChangeSubscriber<FollowerEmails>();
        services.AddSingleton<DigestSender>();
        services.AddHostedService(provider => provider.GetRequiredService<DigestSender>());
    }
}
