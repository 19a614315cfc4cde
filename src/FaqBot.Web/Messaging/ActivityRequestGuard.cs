using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace FaqBot.Web.Messaging;

/// <summary>
/// Reads an activity POST body under a hard size cap and checks it is declared and written as a JSON object with a
/// <c>type</c>, so oversized, mislabelled or malformed requests are refused (413/415/400) before any adapter or bot sees them.
/// </summary>
public static class ActivityRequestGuard
{
    /// <summary>Largest accepted activity body: 256 KB (Teams itself caps messages at 100 KB).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Reads and validates the request body; works with and without Content-Length (chunked).</summary>
    public static async Task<ActivityRequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A page on another origin can POST text/plain without a CORS preflight; requiring JSON forces one.
        if (!IsJson(request.ContentType))
        {
            return new ActivityRequestBody(
                StatusCodes.Status415UnsupportedMediaType,
                ReadOnlyMemory<byte>.Empty,
                "Send the activity as JSON, with Content-Type: application/json.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        // Our cap is far below Kestrel's 30 MB default; raising nothing, only making sure the server does not refuse first.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var buffer = new byte[Math.Min(request.ContentLength ?? 16 * 1024, MaxBodyBytes + 1)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                    {
                        return TooLarge();
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }

        if (length > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = buffer.AsMemory(0, length);
        return Validate(body);
    }

    private static ActivityRequestBody Validate(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return BadRequest("The request body is empty; expected an activity as JSON.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("The request body must be a JSON object (an activity).");
            }

            if (!document.RootElement.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(type.GetString()))
            {
                return BadRequest("The activity has no \"type\".");
            }
        }
        catch (JsonException ex)
        {
            return BadRequest($"The request body is not valid JSON: {ex.Message}");
        }

        return new ActivityRequestBody(StatusCodes.Status200OK, body, null);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Length == 0
            || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Charset.Value, "utf8", StringComparison.OrdinalIgnoreCase));

    private static ActivityRequestBody TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, ReadOnlyMemory<byte>.Empty, $"The activity is larger than {MaxBodyBytes / 1024} KB.");

    private static ActivityRequestBody BadRequest(string error) =>
        new(StatusCodes.Status400BadRequest, ReadOnlyMemory<byte>.Empty, error);
}
