using CrmBlazor.Domain.Matters.Activities;
using CrmBlazor.Domain.Matters.Split;
using CrmBlazor.Tests.Support.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Tests.Components.Matters;

/// <summary>The bunit base plus the activity services (scoped in the app; one scope per test here).</summary>
public abstract class ActivityComponentTestBase : ComponentTestBase
{
    private static readonly Type[] ActivityServices =
        [typeof(ActivityService), typeof(ActivityList), typeof(SplitService), typeof(TransferService), typeof(MatterProformaService)];

    private AsyncServiceScope _activityScope;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _activityScope = Host.Services.CreateAsyncScope();
        var scoped = _activityScope.ServiceProvider;
        foreach (var type in ActivityServices) Services.AddSingleton(type, _ => scoped.GetRequiredService(type));
    }
}
