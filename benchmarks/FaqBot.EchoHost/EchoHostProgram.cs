using FaqBot.Web.DirectLine;
using FaqBot.Web.Hosting;
using FaqBot.Web.Messaging;
using Microsoft.Bot.Builder;

namespace FaqBot.EchoHost;

/// <summary>FaqBot.Web's Program with the FAQ bot and answer engine swapped for <see cref="EchoBot"/>.</summary>
internal static class EchoHostProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddFaqBotHost();
        builder.Services.AddSingleton<IBot, EchoBot>();
        builder.AddBotMessaging();
        builder.AddDirectLine();

        var app = builder.Build();
        app.UseFaqBotHost();
        app.MapBotEndpoints();
        app.MapDirectLine();
        app.Run();
    }
}
