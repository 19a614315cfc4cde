using System.Reflection;
using FaqBot.Hosting;

namespace FaqBot.Web.Health;

/// <summary>
/// Maps <c>GET /healthz</c>: 200 while a model answers (<c>ok</c> or <c>degraded</c>), 503 while none does
/// (<c>starting</c> or <c>unavailable</c>), so a load balancer or App Service routes only to replicas that can answer.
/// </summary>
public static class HealthExtensions
{
    private static readonly string Version =
        typeof(HealthExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthExtensions).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Maps the health endpoint.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", (AnswerEngineHost engines) =>
        {
            var knowledge = engines.Status;
            var model = engines.Engine?.Status;
            var health = model is { ModelLoaded: false } ? KnowledgeHealth.Unavailable : knowledge.Health;
            var report = new HealthReport(
                health.ToString().ToLowerInvariant(),
                model?.ModelLoaded ?? false,
                model?.Entries ?? 0,
                model?.KnowledgeBaseHash,
                model?.TrainedAt,
                knowledge.SkippedPages,
                knowledge.LastError,
                knowledge.LastErrorAt,
                Version);
            var serving = health is KnowledgeHealth.Ok or KnowledgeHealth.Degraded;
            return Results.Json(report, statusCode: serving ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
