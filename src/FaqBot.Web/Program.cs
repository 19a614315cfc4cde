using FaqBot.Bot;
using FaqBot.Classifier.Hosting;
using FaqBot.Classifier.Reloading;
using FaqBot.Storage.Postgres;
using FaqBot.Web.DirectLine;
using FaqBot.Web.Health;
using FaqBot.Web.Hosting;
using FaqBot.Web.Messaging;
using FaqBot.Web.WebChat;

// Reads like a table of contents: the wiring lives in the Add…/Map… extension methods beside each feature.
var builder = WebApplication.CreateBuilder(args);

builder.AddFaqBotHost();
builder.Services.AddAnswerEngine(builder.Environment.ContentRootPath); // loads the current model, or trains it at startup
builder.Services.AddKnowledgeHotReload(builder.Environment.ContentRootPath); // retrains and swaps when an article changes
builder.Services.AddFaqBot();                                           // IBot, conversation state, feedback store
builder.Services.AddFaqBotStorage();                                    // Storage:Provider: memory + SQLite, or PostgreSQL
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
