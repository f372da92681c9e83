using MusicBlazor.Audit;
using MusicBlazor.Subscribers;

namespace MusicBlazor.Activity;

public static class ActivityRegistration
{
    /// <summary>The audit trail and the activity feed: background subscribers on the change log, and their readers.</summary>
    public static void AddAuditTrailAndActivity(this IServiceCollection services)
    {
        services.AddChangeSubscriber<AuditTrail>();
        services.AddChangeSubscriber<ActivityFeed>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<RecentActivity>();
    }
}
