using System.IdentityModel.Tokens.Jwt;

namespace FaqBot.Web.Messaging;

/// <summary>Shape checks on an Authorization header before the Bot Framework SDK sees it.</summary>
internal static class BearerHeader
{
    /// <summary>
    /// True when the header is absent, or is <c>Bearer</c> followed by a decodable JWT. The SDK throws an
    /// ArgumentException (a 500) on a non-JWT bearer token, so such requests are refused with 401 up front.
    /// </summary>
    public static bool IsAbsentOrWellFormed(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return true;
        }

        const string Scheme = "Bearer ";
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = authorization[Scheme.Length..].Trim();
        return token.Length > 0 && new JwtSecurityTokenHandler().CanReadToken(token);
    }
}
