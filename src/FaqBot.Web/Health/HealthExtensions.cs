using System.Reflection;
using FaqBot.Bot.Feedback;
using FaqBot.Hosting;

namespace FaqBot.Web.Health;

/// <summary>
/// Maps <c>GET /healthz</c>: 200 while a model answers (<c>ok</c> or <c>degraded</c>), 503 while none does
/// (<c>starting</c> or <c>unavailable</c>), so a load balancer or App Service routes only to replicas that can answer.
/// A replica that answers but cannot store its model or its feedback is <c>degraded</c>, not taken out of rotation.
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
        endpoints.MapGet("/healthz", (AnswerEngineHost engines, FeedbackHealth feedback) =>
        {
            var knowledge = engines.Status;
            var model = engines.Engine?.Status;
            var feedbackError = feedback.Problem;
            var health = model is { ModelLoaded: false } ? KnowledgeHealth.Unavailable : knowledge.Health;
            if (health is KnowledgeHealth.Ok && feedbackError is not null)
            {
                health = KnowledgeHealth.Degraded;
            }

            var report = new HealthReport(
                health.ToString().ToLowerInvariant(),
                model?.ModelLoaded ?? false,
                model?.Entries ?? 0,
                model?.KnowledgeBaseHash,
                model?.TrainedAt,
                knowledge.SkippedPages,
                knowledge.LastError,
                knowledge.LastErrorAt,
                knowledge.ModelNotSaved,
                feedbackError,
                feedbackError is null ? null : feedback.ProblemAt,
                Version);
            var serving = health is KnowledgeHealth.Ok or KnowledgeHealth.Degraded;
            return Results.Json(report, statusCode: serving ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
