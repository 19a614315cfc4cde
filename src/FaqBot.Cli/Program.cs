using System.CommandLine;
using FaqBot.Cli;
using FaqBot.Cli.Commands;

// Each command lives in Commands/<Name>Command.cs with a static Create(); this file only lists them.
var root = new RootCommand("FaqBot: turn FAQ-style Markdown articles into a chatbot for Teams, Web Chat and the Emulator.");
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(AskCommand.Create());
root.Subcommands.Add(ReviewCommand.Create());
root.Subcommands.Add(ChatCommand.Create());
root.Subcommands.Add(TeamsPackageCommand.Create());

var parseResult = root.Parse(args);
var exitCode = await parseResult.InvokeAsync();

// System.CommandLine reports a bad command line with exit code 1; FaqBot keeps 1 for bad input and uses 2 for usage.
return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
