using System.Reflection;
using FaqBot.Classifier.Answering;

namespace FaqBot.Web.Health;

/// <summary>Maps <c>GET /healthz</c>: 200 with the model's status when it can answer, 503 otherwise.</summary>
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
        endpoints.MapGet("/healthz", (IServiceProvider services) =>
        {
            // Optional so the host still starts (and says why it cannot answer) without an answer engine registered.
            var status = services.GetService<IAnswerEngine>()?.Status;
            var ready = status is { ModelLoaded: true };
            var report = new HealthReport(
                ready ? "ok" : "unavailable",
                status?.ModelLoaded ?? false,
                status?.Entries ?? 0,
                status?.KnowledgeBaseHash,
                status?.TrainedAt,
                Version);
            return Results.Json(report, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}
