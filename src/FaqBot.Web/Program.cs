using FaqBot.Bot;
using FaqBot.Hosting;
using FaqBot.Storage.Postgres;
using FaqBot.Web.DirectLine;
using FaqBot.Web.Health;
using FaqBot.Web.Hosting;
using FaqBot.Web.Messaging;
using FaqBot.Web.WebChat;

// Reads like a table of contents: the wiring lives in the Add…/Map… extension methods beside each feature.
// The content root is the folder holding appsettings.json: the current one, else the published or source tree's.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRootLocator.Locate(args) });

builder.AddFaqBotHost();
builder.AddAnswerEngine();                                              // loads or trains the model after start-up; hot reload
builder.Services.AddFaqBot();                                           // IBot, conversation state, feedback store
builder.Services.AddFaqBotStorage();                                    // Storage:Provider: memory + SQLite, or PostgreSQL
builder.AddBotTurnGate();                                               // "still starting" until the model is ready; a log line per turn
builder.AddBotMessaging();
builder.AddDirectLine();
builder.AddWebChat();

var app = builder.Build();

app.UseFaqBotHost();
app.MapBotEndpoints();
app.MapDirectLine();
app.MapWebChat();
app.MapHealth();

app.Run();

/// <summary>Entry point, public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
