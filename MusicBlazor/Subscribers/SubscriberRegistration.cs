using MusicBlazor.Data.Providers;

namespace MusicBlazor.Subscribers;

public static class SubscriberRegistration
{
    /// <summary>The runtime that feeds background subscribers from the change log.</summary>
    public static void AddSubscriberRuntime(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddOptions<SubscriberOptions>().BindConfiguration(SubscriberOptions.Section);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<ISubscriberLeases, PostgresSubscriberLeases>();
        }
        else
        {
            services.AddSingleton<ISubscriberLeases, LocalSubscriberLeases>();
        }

        services.AddSingleton<SubscriberProgress>();
        services.AddSingleton<SubscriberHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriberHost>());
    }

    /// <summary>Registers a background subscriber; its name must be unique and stay the same across releases.</summary>
    public static void AddChangeSubscriber<TSubscriber>(this IServiceCollection services)
        where TSubscriber : class, IChangeSubscriber =>
        services.AddSingleton<IChangeSubscriber, TSubscriber>();
}
