namespace FaqBot.Cli.Teams;

/// <summary>What goes into a Teams app package.</summary>
/// <param name="BotAppId">The Azure Bot's Microsoft App Id (the manifest's <c>bots[0].botId</c>).</param>
/// <param name="TeamsAppId">The Teams app's own id (the manifest's <c>id</c>).</param>
/// <param name="Name">Short app name shown in Teams (at most 30 characters).</param>
/// <param name="Developer">Developer or company name (at most 32 characters).</param>
/// <param name="WebsiteUrl">Developer website (https).</param>
/// <param name="PrivacyUrl">Privacy statement (https).</param>
/// <param name="TermsOfUseUrl">Terms of use (https).</param>
/// <param name="Version">The app version (semver, bump it for each upload).</param>
public sealed record TeamsPackageSettings(
    Guid BotAppId,
    Guid TeamsAppId,
    string Name,
    string Developer,
    Uri WebsiteUrl,
    Uri PrivacyUrl,
    Uri TermsOfUseUrl,
    string Version);
