using System.Text.Json;
using System.Text.Unicode;
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

    /// <summary>The refusal for JSON that does not map onto an activity (a field of the wrong type or shape).</summary>
    public const string UnreadableActivity = "The activity could not be read: a field has the wrong type or shape (see the Bot Framework activity schema).";

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

        // Kestrel's limit is a backstop below its 30 MB default; the loop below caps the body itself. Kestrel counts chunk
        // framing toward its limit, so a chunked body gets room for it (else a 256 KB activity sent chunked would be a 413).
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = request.ContentLength is null ? 4L * MaxBodyBytes : MaxBodyBytes + 1;
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
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            // Kestrel's minimum data rate: a slow client, not a fault of ours.
            return new ActivityRequestBody(ex.StatusCode, ReadOnlyMemory<byte>.Empty, "The request body arrived too slowly.", ex.Message);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // The body ended early or the connection went away: nobody is left to answer, and nothing failed on our side.
            return new ActivityRequestBody(StatusCodes.Status400BadRequest, ReadOnlyMemory<byte>.Empty, "The client abandoned the request body.", ex.Message);
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

        // System.Text.Json checks the structure, not the bytes inside strings; a channel always sends valid UTF-8.
        if (!Utf8.IsValid(body.Span))
        {
            return BadRequest("The request body is not valid UTF-8.");
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
            return BadRequest("The request body is not valid JSON.", ex.Message);
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

    private static ActivityRequestBody BadRequest(string error, string? detail = null) =>
        new(StatusCodes.Status400BadRequest, ReadOnlyMemory<byte>.Empty, error, detail);
}
