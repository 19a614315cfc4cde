using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Web.Tests.Support;

/// <summary>Mints well-formed JWTs signed with a key the bot has never seen.</summary>
internal static class ForeignJwt
{
    public static string Mint(string issuer, string audience)
    {
        using var rsa = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = "foreign-key" }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(
            issuer: issuer,
            audience: audience,
            claims: [new Claim("appid", Guid.NewGuid().ToString()), new Claim("serviceurl", "https://smba.trafficmanager.net/amer/")],
            notBefore: DateTime.UtcNow.AddMinutes(-1),
            expires: DateTime.UtcNow.AddHours(1),
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
