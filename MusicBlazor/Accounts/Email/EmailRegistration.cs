using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MusicBlazor.Accounts.Email;

public static class EmailRegistration
{
    /// <summary>Account e-mails go through SMTP when a server is configured, else into the development mailbox.</summary>
    public static void AddAccountEmail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddSingleton<DevelopmentMailbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender<ApplicationUser>>(provider =>
            provider.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
                ? provider.GetRequiredService<SmtpEmailSender>()
                : provider.GetRequiredService<DevelopmentMailbox>());
        services.AddSingleton(provider => (IAccountNotices)provider.GetRequiredService<IEmailSender<ApplicationUser>>());
        services.AddSingleton(provider => (IMailDelivery)provider.GetRequiredService<IEmailSender<ApplicationUser>>());
    }

    /// <summary>Start-up fails unless e-mails can be sent (outside Development) and the SMTP settings are whole.</summary>
    public static void AddEmailSettingsCheck(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SmtpOptions>, EmailSettingsCheck>();
        services.AddOptions<SmtpOptions>().ValidateOnStart();
    }
}
