using System.Collections;
using System.IdentityModel.Tokens.Jwt;
using System.Reflection;
using System.Net.Security;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Web.Tests.Support;

/// <summary>
/// Plays the Bot Framework channel service's identity side on an HTTPS loopback port: an OpenID metadata document and
/// its signing key (endorsed for the channels given), so the host validates real channel JWTs signed by this test key
/// exactly as it would Azure's. Point <c>ToBotFromChannelOpenIdMetadataUrl</c> at <see cref="MetadataUrl"/>; the SDK
/// trusts <see cref="Certificate"/> for this URL once <see cref="TrustedBySdk"/> has run.
/// </summary>
internal sealed class TestChannelIssuer : IAsyncDisposable
{
    /// <summary>The issuer the SDK requires on channel tokens (AuthenticationConstants.ToBotFromChannelTokenIssuer).</summary>
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = "test-key-" + Guid.NewGuid().ToString("N")[..8];
    private WebApplication? _app;
    private HttpClient? _trustingClient;

    public X509Certificate2 Certificate { get; } = SelfSigned();

    public Uri MetadataUrl { get; private set; } = null!;

    public static async Task<TestChannelIssuer> StartAsync(params string[] endorsedChannels)
    {
        var issuer = new TestChannelIssuer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseHttps(issuer.Certificate);
        }));
        var app = builder.Build();
        var parameters = issuer._key.ExportParameters(includePrivateParameters: false);
        app.MapGet("/.well-known/openidconfiguration", (HttpContext context) => Results.Text(new JsonObject
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = "https://invalid.example/",
            ["jwks_uri"] = $"https://{context.Request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/keys", () => Results.Text(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = issuer._keyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. endorsedChannels.Select(c => (JsonNode)c)]),
            }),
        }.ToJsonString(), "application/json"));
        await app.StartAsync();
        issuer._app = app;
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        issuer.MetadataUrl = new Uri(address, "/.well-known/openidconfiguration");
        return issuer;
    }

    /// <summary>A channel token for <paramref name="appId"/> that allows replies to <paramref name="serviceUrl"/> only.</summary>
    public string Mint(string appId, string serviceUrl)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = _keyId }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(
            issuer: ChannelIssuer,
            audience: appId,
            claims: [new Claim("serviceurl", serviceUrl)],
            notBefore: DateTime.UtcNow.AddMinutes(-1),
            expires: DateTime.UtcNow.AddMinutes(30),
            signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>
    /// Makes the SDK fetch this issuer's metadata and keys over a client that trusts its self-signed certificate. The SDK
    /// reads them with a static HttpClient of its own, through configuration managers cached per metadata URL, so the
    /// managers for this (unique) URL are put into that cache before the first token arrives.
    /// </summary>
    public void TrustedBySdk()
    {
        var thumbprint = Certificate.Thumbprint;
        var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || certificate?.Thumbprint == thumbprint,
        });
        _trustingClient = http;
        var url = MetadataUrl.ToString();
        var extractor = typeof(JwtTokenExtractor);
        const BindingFlags Static = BindingFlags.NonPublic | BindingFlags.Static;
        var openId = (IDictionary)Field(extractor, "_openIdMetadataCache", Static).GetValue(null)!;
        openId[url] = new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(http));
        var endorsementsField = Field(extractor, "_endorsementsCache", Static);
        var managerType = endorsementsField.FieldType.GetGenericArguments()[1];
        var retrieverType = extractor.Assembly.GetType("Microsoft.Bot.Connector.Authentication.EndorsementsRetriever", throwOnError: true)!;
        var retriever = Activator.CreateInstance(retrieverType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, [http], null);
        var endorsements = (IDictionary)endorsementsField.GetValue(null)!;
        endorsements[url] = Activator.CreateInstance(managerType, url, retriever, retriever);
    }

    private static FieldInfo Field(Type type, string name, BindingFlags flags) =>
        type.GetField(name, flags) ?? throw new InvalidOperationException($"{type.Name}.{name} is gone: the Bot Builder SDK changed; update TestChannelIssuer.");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _trustingClient?.Dispose();
        _key.Dispose();
        Certificate.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // Re-imported so Kestrel gets a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
