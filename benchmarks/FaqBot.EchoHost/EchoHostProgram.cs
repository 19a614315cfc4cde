using FaqBot.Bot;
using FaqBot.Web.DirectLine;
using FaqBot.Web.Hosting;
using FaqBot.Web.Messaging;
using FaqBot.Web.WebChat;
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

        // The adapters' error handler is the bot's; it clears conversation state, so give it one (the echo bot never uses it).
        builder.Services.AddSingleton(new ConversationState(new MemoryStorage()));
        builder.Services.AddSingleton<FaqBotTurnErrorHandler>();
        builder.AddBotMessaging();
        builder.AddDirectLine();
        builder.AddWebChat();

        var app = builder.Build();
        app.UseFaqBotHost();
        app.MapBotEndpoints();
        app.MapDirectLine();
        app.MapWebChat();
        app.Run();
    }
}
