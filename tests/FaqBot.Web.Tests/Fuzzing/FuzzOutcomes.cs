using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FaqBot.Web.Tests.Fuzzing;

/// <summary>Sends fuzz payloads and classifies the responses: 2xx, 4xx with a readable message, 4xx without one, 5xx.</summary>
public sealed class FuzzOutcomes
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Counts by "status generator" (e.g. "400 broken-syntax").</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>One line per 5xx or unexplained 4xx: seed, generator, status, body.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>Posts payload <paramref name="seed"/> to <paramref name="path"/> and records the outcome.</summary>
    public async Task SendAsync(HttpClient http, string path, int seed, string? bearer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var payload = ActivityPayloads.Create(seed);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(payload.Body) };
        if (payload.ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(payload.ContentType);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Record(seed, payload.Kind, response.StatusCode, body);
    }

    /// <summary>Records one response.</summary>
    public void Record(int seed, string kind, HttpStatusCode status, string body)
    {
        var code = (int)status;
        _counts.AddOrUpdate($"{code} {kind}", 1, (_, n) => n + 1);
        if (code >= 500)
        {
            _failures.Enqueue($"seed {seed} ({kind}): {code} {Trim(body)}");
        }
        else if (code >= 400 && MessageOf(body) is null)
        {
            _failures.Enqueue($"seed {seed} ({kind}): {code} without a message: '{Trim(body)}'");
        }
    }

    /// <summary>The human-readable reason in a 4xx body: a problem-details <c>detail</c> or <c>title</c>, or plain text.</summary>
    public static string? MessageOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in new[] { "detail", "message", "error", "title" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0)
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
