using System.CommandLine;
using FaqBot.Cli.Commands;

// Each command lives in Commands/<Name>Command.cs with a static Create(); this file only lists them.
var root = new RootCommand("FaqBot: turn FAQ-style Markdown articles into a chatbot for Teams, Web Chat and the Emulator.");
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AskCommand.Create());

return await root.Parse(args).InvokeAsync();
